package org.strata.dicom.net.pdu;

/** Source field of an A-ABORT PDU, PS3.8 9.3.8 Table 9-26. */
public enum AbortSource {
    SERVICE_USER(0),
    SERVICE_PROVIDER(2);

    private final int code;

    AbortSource(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static AbortSource of(int code) throws PduFormatException {
        return switch (code) {
            case 0 -> SERVICE_USER;
            case 2 -> SERVICE_PROVIDER;
            default -> throw new PduFormatException(AbortReason.INVALID_PDU_PARAMETER_VALUE,
                    "A-ABORT source " + code);
        };
    }
}
