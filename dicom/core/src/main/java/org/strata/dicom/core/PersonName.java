package org.strata.dicom.core;

/**
 * A Person Name (PN) value split into its three component groups, alphabetic, ideographic and
 * phonetic, separated by {@code =}; each group holds up to five components separated by
 * {@code ^} (PS3.5 6.2.1).
 */
public record PersonName(String alphabetic, String ideographic, String phonetic) {

    /** The component groups of PS3.5 6.2.1.1. */
    public enum Group {
        ALPHABETIC, IDEOGRAPHIC, PHONETIC
    }

    /** The components of a group (PS3.5 6.2.1.1). */
    public enum Component {
        FAMILY, GIVEN, MIDDLE, PREFIX, SUFFIX
    }

    /** Splits a PN value as encoded, e.g. {@code Yamada^Tarou=山田^太郎=やまだ^たろう}. */
    public static PersonName parse(String value) {
        String[] groups = value.split("=", -1);
        return new PersonName(groups[0], groups.length > 1 ? groups[1] : "", groups.length > 2 ? groups[2] : "");
    }

    /** The component group, e.g. {@code Yamada^Tarou}. */
    public String group(Group group) {
        return switch (group) {
            case ALPHABETIC -> alphabetic;
            case IDEOGRAPHIC -> ideographic;
            case PHONETIC -> phonetic;
        };
    }

    /** One component of one group, empty if absent. */
    public String component(Group group, Component component) {
        String[] parts = group(group).split("\\^", -1);
        int i = component.ordinal();
        return i < parts.length ? parts[i] : "";
    }

    /** The encoded form, trailing empty groups removed (PS3.5 6.2.1.1). */
    @Override
    public String toString() {
        if (!phonetic.isEmpty()) {
            return alphabetic + '=' + ideographic + '=' + phonetic;
        }
        return ideographic.isEmpty() ? alphabetic : alphabetic + '=' + ideographic;
    }
}
