package org.strata.media;

/** DICOM values as people read them on an index page, a README or a label. */
final class Names {

    private Names() {
    }

    /** {@code DOE^JOHN} → {@code DOE, JOHN}; only the alphabetic group. */
    static String display(String personName) {
        String[] parts = personName.split("=", -1)[0].split("\\^");
        StringBuilder b = new StringBuilder(parts[0].trim());
        for (int i = 1; i < parts.length; i++) {
            if (!parts[i].isBlank()) {
                b.append(i == 1 ? ", " : " ").append(parts[i].trim());
            }
        }
        return b.toString();
    }

    /** {@code 20240131} → {@code 2024-01-31}; anything else as is. */
    static String date(String da) {
        return da.matches("\\d{8}") ? da.substring(0, 4) + "-" + da.substring(4, 6) + "-" + da.substring(6) : da;
    }
}
