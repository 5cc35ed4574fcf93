package org.strata.jca.api;

/**
 * A DIMSE status (PS3.7 C) with an optional Error Comment (0000,0902) of at most 64 characters.
 *
 * @param code    the status code, e.g. 0x0000 success, 0xA700 out of resources
 * @param comment the error comment, or null
 */
public record DimseStatus(int code, String comment) {

    public static final DimseStatus SUCCESS = new DimseStatus(0x0000, null);

    public DimseStatus {
        if (code < 0 || code > 0xFFFF) {
            throw new IllegalArgumentException("status " + code + " is not 16 bits");
        }
        if (comment != null && comment.length() > 64) {
            comment = comment.substring(0, 64);
        }
    }

    public static DimseStatus of(int code, String comment) {
        return new DimseStatus(code, comment);
    }

    public boolean isSuccess() {
        return code == 0;
    }
}
