package org.strata.ejb.query;

/** DICOM wild cards (PS3.4 C.2.2.2.4: {@code *} any sequence, {@code ?} one character) as SQL LIKE. */
final class Wildcards {

    private Wildcards() {
    }

    static boolean has(String value) {
        return value.indexOf('*') >= 0 || value.indexOf('?') >= 0;
    }

    /** Only asterisks: matches everything, like universal matching. */
    static boolean isUniversal(String value) {
        return value.chars().allMatch(c -> c == '*');
    }

    /** The LIKE pattern, with {@code \} as the escape character. */
    static String toLike(String value) {
        StringBuilder b = new StringBuilder(value.length() + 4);
        for (char c : value.toCharArray()) {
            switch (c) {
                case '*' -> b.append('%');
                case '?' -> b.append('_');
                case '%', '_', '\\' -> b.append('\\').append(c);
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** A literal for inside a LIKE pattern. */
    static String escape(String literal) {
        return literal.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
