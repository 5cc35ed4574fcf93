package org.strata.dicom.net.pdu;

/** PDU types, PS3.8 9.3.1 Table 9-11. */
public enum PduType {
    A_ASSOCIATE_RQ(0x01),
    A_ASSOCIATE_AC(0x02),
    A_ASSOCIATE_RJ(0x03),
    P_DATA_TF(0x04),
    A_RELEASE_RQ(0x05),
    A_RELEASE_RP(0x06),
    A_ABORT(0x07);

    private final int code;

    PduType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** @return the type for a PDU-type byte, or {@code null} when the byte names no PDU */
    public static PduType of(int code) {
        return code >= 1 && code <= 7 ? values()[code - 1] : null;
    }
}
