package org.strata.dicom.net.pdu;

/**
 * Source and Reason/Diag. of an A-ASSOCIATE-RJ PDU, PS3.8 9.3.4 Table 9-21. Each reason belongs to
 * one source; the codes repeat across sources.
 */
public enum RejectReason {
    /** Source 1, DICOM UL service-user. */
    USER_NO_REASON(1, 1),
    APPLICATION_CONTEXT_NOT_SUPPORTED(1, 2),
    CALLING_AE_NOT_RECOGNIZED(1, 3),
    CALLED_AE_NOT_RECOGNIZED(1, 7),
    /** Source 2, DICOM UL service-provider (ACSE related function). */
    ACSE_NO_REASON(2, 1),
    PROTOCOL_VERSION_NOT_SUPPORTED(2, 2),
    /** Source 3, DICOM UL service-provider (Presentation related function). */
    TEMPORARY_CONGESTION(3, 1),
    LOCAL_LIMIT_EXCEEDED(3, 2);

    private final int source;
    private final int code;

    RejectReason(int source, int code) {
        this.source = source;
        this.code = code;
    }

    public int source() {
        return source;
    }

    public int code() {
        return code;
    }

    public static RejectReason of(int source, int code) throws PduFormatException {
        for (RejectReason r : values()) {
            if (r.source == source && r.code == code) {
                return r;
            }
        }
        throw new PduFormatException(AbortReason.INVALID_PDU_PARAMETER_VALUE,
                "A-ASSOCIATE-RJ source " + source + " reason " + code);
    }
}
