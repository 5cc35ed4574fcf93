package org.strata.dicom.net.pdu;

/** Reason/Diag. field of an A-ABORT PDU with service-provider source, PS3.8 9.3.8 Table 9-26. */
public enum AbortReason {
    NOT_SPECIFIED(0),
    UNRECOGNIZED_PDU(1),
    UNEXPECTED_PDU(2),
    UNRECOGNIZED_PDU_PARAMETER(4),
    UNEXPECTED_PDU_PARAMETER(5),
    INVALID_PDU_PARAMETER_VALUE(6);

    private final int code;

    AbortReason(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** @return the reason for a code, {@link #NOT_SPECIFIED} for reserved values */
    public static AbortReason of(int code) {
        for (AbortReason r : values()) {
            if (r.code == code) {
                return r;
            }
        }
        return NOT_SPECIFIED;
    }
}
