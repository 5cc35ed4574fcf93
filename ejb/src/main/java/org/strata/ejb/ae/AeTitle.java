package org.strata.ejb.ae;

/**
 * Rules for an AE title (PS3.5 6.2, value representation AE): 1 to 16 characters of the
 * default character repertoire, no control characters and no backslash; leading and trailing
 * spaces are not significant, so a title of spaces only is no title.
 */
public final class AeTitle {

    public static final int MAX_LENGTH = 16;

    private AeTitle() {
    }

    /** The title without its insignificant spaces, or an exception saying what is wrong. */
    public static String normalize(String aeTitle) {
        if (aeTitle == null) {
            throw new IllegalArgumentException("AE title is missing");
        }
        String trimmed = aeTitle.strip();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("AE title is empty");
        }
        if (aeTitle.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("AE title '" + aeTitle + "' is longer than 16 characters");
        }
        for (int i = 0; i < trimmed.length(); i++) {
            char c = trimmed.charAt(i);
            if (c < 0x20 || c > 0x7E || c == '\\') {
                throw new IllegalArgumentException("AE title '" + aeTitle
                        + "' may hold only printable ASCII characters other than backslash");
            }
        }
        return trimmed;
    }
}
