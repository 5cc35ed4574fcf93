package org.strata.dicom.net.pdu;

/** Result field of an A-ASSOCIATE-RJ PDU, PS3.8 9.3.4 Table 9-21. */
public enum RejectResult {
    PERMANENT(1),
    TRANSIENT(2);

    private final int code;

    RejectResult(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static RejectResult of(int code) throws PduFormatException {
        return switch (code) {
            case 1 -> PERMANENT;
            case 2 -> TRANSIENT;
            default -> throw new PduFormatException(AbortReason.INVALID_PDU_PARAMETER_VALUE,
                    "A-ASSOCIATE-RJ result " + code);
        };
    }
}
