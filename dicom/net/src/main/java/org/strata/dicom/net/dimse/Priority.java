package org.strata.dicom.net.dimse;

/** Priority (0000,0700), PS3.7 9.1.1.1.8. */
public enum Priority {
    MEDIUM(0),
    HIGH(1),
    LOW(2);

    private final int code;

    Priority(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
