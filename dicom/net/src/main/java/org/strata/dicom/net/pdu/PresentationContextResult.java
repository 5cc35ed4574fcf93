package org.strata.dicom.net.pdu;

/** Result/Reason field of a presentation context item of an A-ASSOCIATE-AC, PS3.8 9.3.3.2. */
public enum PresentationContextResult {
    ACCEPTANCE(0),
    USER_REJECTION(1),
    NO_REASON(2),
    ABSTRACT_SYNTAX_NOT_SUPPORTED(3),
    TRANSFER_SYNTAXES_NOT_SUPPORTED(4);

    private final int code;

    PresentationContextResult(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static PresentationContextResult of(int code) throws PduFormatException {
        if (code < 0 || code > 4) {
            throw new PduFormatException(AbortReason.INVALID_PDU_PARAMETER_VALUE,
                    "presentation context result " + code);
        }
        return values()[code];
    }
}
