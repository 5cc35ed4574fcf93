package org.strata.media;

import java.util.Locale;

/** Where the pieces of media go. */
public enum MediaOutput {
    /** An ISO 9660 image per piece (CD-R/DVD, PS3.12). */
    ISO,
    /** A ZIP (ZIP64 when needed) per piece. */
    ZIP,
    /** A plain folder per piece (USB and flash media: file name = File ID). */
    FOLDER,
    /** An ISO per piece handed to a disc robot through its hot folder. */
    BURNER;

    public static MediaOutput of(String name) {
        for (MediaOutput o : values()) {
            if (o.name().equalsIgnoreCase(name)) {
                return o;
            }
        }
        throw new IllegalArgumentException("unknown output '" + name + "' (iso, zip, folder or burner)");
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
