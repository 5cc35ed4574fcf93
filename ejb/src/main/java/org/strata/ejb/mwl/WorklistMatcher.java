package org.strata.ejb.mwl;

import java.util.Locale;
import org.strata.dicom.core.Attributes;
import org.strata.dicom.core.Sequence;
import org.strata.dicom.core.Tag;
import org.strata.dicom.core.VR;

/**
 * Attribute matching of a C-FIND identifier against one worklist item (PS3.4 C.2.2.2 as used by
 * the Modality Worklist model, K.6.1.2): universal, single value, wild card ({@code *} {@code ?};
 * Person Names case-insensitively), list of UIDs, range (DA, TM, DT), combined date-time of the
 * Scheduled Procedure Step Start Date and Time (C.2.2.2.5), and sequence matching (C.2.2.2.6),
 * which also selects the sequence items returned.
 */
public final class WorklistMatcher {

    private WorklistMatcher() {
    }

    /** True when every non-universal key of {@code keys} matches {@code item}. */
    public static boolean matches(Attributes keys, Attributes item) {
        for (int i = 0; i < keys.size(); i++) {
            int tag = keys.tagAt(i);
            VR vr = keys.vrAt(i);
            if (tag == Tag.SpecificCharacterSet || isCombinedTime(keys, tag)) {
                continue;
            }
            if (vr == VR.SQ) {
                if (!sequenceMatches(keys.getSequence(tag), item.getSequence(tag))) {
                    return false;
                }
            } else if (isCombinedDate(keys, tag)) {
                if (!combinedMatches(keys, item)) {
                    return false;
                }
            } else if (!valueMatches(vr, keys.getString(tag), item.getStrings(tag))) {
                return false;
            }
        }
        return true;
    }

    /** C.2.2.2.6: a key item with constraints matches when some item of the sequence matches it. */
    private static boolean sequenceMatches(Sequence keys, Sequence values) {
        if (keys == null || keys.isEmpty() || isUniversal(keys.get(0))) {
            return true;
        }
        if (values == null) {
            return false;
        }
        for (Attributes v : values) {
            if (matches(keys.get(0), v)) {
                return true;
            }
        }
        return false;
    }

    /** True when no key of the item (nor of its sequences) constrains the match. */
    public static boolean isUniversal(Attributes keys) {
        for (int i = 0; i < keys.size(); i++) {
            int tag = keys.tagAt(i);
            if (tag == Tag.SpecificCharacterSet) {
                continue;
            }
            if (keys.vrAt(i) == VR.SQ) {
                Sequence s = keys.getSequence(tag);
                if (s != null && !s.isEmpty() && !isUniversal(s.get(0))) {
                    return false;
                }
            } else {
                String v = keys.getString(tag);
                if (v != null && !v.isEmpty() && !v.equals("*")) {
                    return false;
                }
            }
        }
        return true;
    }

    static boolean valueMatches(VR vr, String key, String[] values) {
        if (key == null || key.isEmpty() || key.equals("*")) {
            return true; // C.2.2.2.3 universal matching
        }
        if (values == null || values.length == 0) {
            return false;
        }
        for (String value : values) {
            if (value != null && oneValueMatches(vr, key, value.strip())) {
                return true;
            }
        }
        return false;
    }

    private static boolean oneValueMatches(VR vr, String key, String value) {
        if (vr == VR.UI) {
            for (String uid : key.split("\\\\")) { // C.2.2.2.2 list of UID matching
                if (uid.strip().equals(value)) {
                    return true;
                }
            }
            return false;
        }
        if ((vr == VR.DA || vr == VR.TM || vr == VR.DT) && key.contains("-")) {
            return inRange(vr, key, value); // C.2.2.2.5 range matching
        }
        if (vr == VR.DA || vr == VR.TM || vr == VR.DT) {
            return normalize(vr, value, false).equals(normalize(vr, key, false));
        }
        boolean pn = vr == VR.PN;
        String k = pn ? key.toUpperCase(Locale.ROOT) : key;
        String v = pn ? value.toUpperCase(Locale.ROOT) : value;
        if (k.indexOf('*') >= 0 || k.indexOf('?') >= 0) {
            return wildcard(k, v); // C.2.2.2.4 wild card matching
        }
        return pn ? stripPn(v).equals(stripPn(k)) : v.equals(k.strip()); // C.2.2.2.1 single value
    }

    /** Trailing empty name components are insignificant: {@code DOE^JOHN^^} equals {@code DOE^JOHN}. */
    private static String stripPn(String pn) {
        String s = pn.strip();
        while (s.endsWith("^") || s.endsWith("=")) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }

    static boolean wildcard(String pattern, String value) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            if (c == '*') {
                regex.append(".*");
            } else if (c == '?') {
                regex.append('.');
            } else {
                regex.append(java.util.regex.Pattern.quote(String.valueOf(c)));
            }
        }
        return value.matches("(?s)" + regex);
    }

    private static boolean inRange(VR vr, String key, String value) {
        int dash = key.indexOf('-');
        String low = key.substring(0, dash).strip();
        String high = key.substring(dash + 1).strip();
        String v = normalize(vr, value, false);
        return (low.isEmpty() || v.compareTo(normalize(vr, low, false)) >= 0)
                && (high.isEmpty() || v.compareTo(normalize(vr, high, true)) <= 0);
    }

    /**
     * A comparable form: DA {@code YYYYMMDD}; TM {@code HHMMSS.FFFFFF} (an upper bound's missing
     * parts filled with their largest value); DT both.
     */
    static String normalize(VR vr, String s, boolean upper) {
        String v = s.strip().replace(":", "").replace(".", vr == VR.TM || vr == VR.DT ? "." : "");
        if (vr == VR.DA) {
            return v.replace("-", "");
        }
        if (vr == VR.TM) {
            return time(v, upper);
        }
        String date = v.length() >= 8 ? v.substring(0, 8) : v;
        return date + time(v.length() > 8 ? v.substring(8) : "", upper);
    }

    private static String time(String t, boolean upper) {
        int plus = t.indexOf('+');
        int minus = t.indexOf('-');
        int cut = plus >= 0 ? plus : minus >= 0 ? minus : t.length();
        String time = t.substring(0, cut);
        String whole = time.contains(".") ? time.substring(0, time.indexOf('.')) : time;
        String fraction = time.contains(".") ? time.substring(time.indexOf('.') + 1) : "";
        String fill = upper ? "235959" : "000000";
        String hhmmss = whole + fill.substring(Math.min(whole.length(), 6));
        String frac = (fraction + (upper && fraction.isEmpty() ? "999999" : "000000")).substring(0, 6);
        return hhmmss + "." + frac;
    }

    // ---- C.2.2.2.5: Scheduled Procedure Step Start Date and Time matched as one date-time

    private static boolean isCombinedDate(Attributes keys, int tag) {
        return tag == Tag.ScheduledProcedureStepStartDate && constrains(keys, Tag.ScheduledProcedureStepStartTime);
    }

    private static boolean isCombinedTime(Attributes keys, int tag) {
        return tag == Tag.ScheduledProcedureStepStartTime && constrains(keys, Tag.ScheduledProcedureStepStartDate);
    }

    private static boolean constrains(Attributes keys, int tag) {
        String v = keys.getString(tag);
        return v != null && !v.isEmpty() && !v.equals("*");
    }

    private static boolean combinedMatches(Attributes keys, Attributes item) {
        String date = item.getString(Tag.ScheduledProcedureStepStartDate);
        String time = item.getString(Tag.ScheduledProcedureStepStartTime);
        if (date == null || date.isBlank()) {
            return false;
        }
        String value = date.strip() + (time == null ? "" : time.strip());
        String dk = keys.getString(Tag.ScheduledProcedureStepStartDate).strip();
        String tk = keys.getString(Tag.ScheduledProcedureStepStartTime).strip();
        String[] d = dk.contains("-") ? dk.split("-", -1) : new String[] {dk, dk};
        String[] t = tk.contains("-") ? tk.split("-", -1) : new String[] {tk, tk};
        String low = d[0].isEmpty() ? "" : d[0] + t[0];
        String high = d[1].isEmpty() ? "" : d[1] + t[1];
        String v = normalize(VR.DT, value, false);
        return (low.isEmpty() || v.compareTo(normalize(VR.DT, low, false)) >= 0)
                && (high.isEmpty() || v.compareTo(normalize(VR.DT, high, true)) <= 0);
    }

    // ---- the response

    /**
     * The match as returned (PS3.4 C.2.2.3, K.6.1.2.2): every key of the identifier with the
     * item's value, or empty when it has none; sequence keys with the item's matching items
     * reduced to the requested keys (complete items for an empty key item).
     */
    public static Attributes response(Attributes keys, Attributes item) {
        Attributes rsp = new Attributes();
        String charset = item.getString(Tag.SpecificCharacterSet);
        if (charset != null) {
            rsp.setString(Tag.SpecificCharacterSet, VR.CS, item.getStrings(Tag.SpecificCharacterSet));
        }
        for (int i = 0; i < keys.size(); i++) {
            int tag = keys.tagAt(i);
            VR vr = keys.vrAt(i);
            if (tag == Tag.SpecificCharacterSet) {
                continue;
            }
            if (vr == VR.SQ) {
                Sequence out = rsp.newSequence(tag);
                Sequence values = item.getSequence(tag);
                Sequence wanted = keys.getSequence(tag);
                if (values != null) {
                    for (Attributes v : values) {
                        if (wanted == null || wanted.isEmpty()) {
                            out.newItem().addAll(v);
                        } else if (matches(wanted.get(0), v)) {
                            Attributes sub = wanted.get(0).isEmpty() ? new Attributes().addAll(v)
                                    : response(wanted.get(0), v);
                            out.add(sub);
                        }
                    }
                }
            } else if (item.contains(tag)) {
                rsp.setValue(tag, item.getVR(tag), item.getValue(tag));
            } else {
                rsp.setString(tag, vr);
            }
        }
        return rsp;
    }
}
