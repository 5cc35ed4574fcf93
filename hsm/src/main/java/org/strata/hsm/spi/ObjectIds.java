package org.strata.hsm.spi;

import java.util.regex.Pattern;

/**
 * The rule every tier applies to object ids, so that an id can become a file name, an S3 key
 * suffix or a TAR entry name without escaping and without path traversal.
 *
 * <p>Our choice (not from a standard): 1–200 characters of {@code [A-Za-z0-9._-]}, not starting
 * with a dot (names starting with a dot are reserved for temporary files). No separators, so
 * {@code ..} cannot climb out of a directory; 200 leaves room in a 255-byte file name for a
 * temporary suffix.
 */
public final class ObjectIds {

    public static final int MAX_LENGTH = 200;

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,199}");

    private ObjectIds() {
    }

    /** Returns {@code id} when valid, otherwise throws {@link IllegalArgumentException}. */
    public static String validate(String id) {
        if (id == null || !VALID.matcher(id).matches()) {
            throw new IllegalArgumentException("Invalid object id (allowed: 1-200 of [A-Za-z0-9._-], "
                    + "not starting with '.'): " + (id == null ? null : '"' + printable(id) + '"'));
        }
        return id;
    }

    private static String printable(String s) {
        StringBuilder b = new StringBuilder();
        s.codePoints().limit(MAX_LENGTH + 10).forEach(c -> {
            if (c < 0x20 || c == 0x7f) {
                b.append(String.format("\\u%04x", c));
            } else {
                b.appendCodePoint(c);
            }
        });
        return b.toString();
    }
}
