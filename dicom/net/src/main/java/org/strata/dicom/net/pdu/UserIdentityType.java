package org.strata.dicom.net.pdu;

/** User-Identity-Type of the User Identity negotiation sub-item, PS3.7 D.3.3.7.1 Table D.3-14. */
public enum UserIdentityType {
    USERNAME(1),
    USERNAME_AND_PASSCODE(2),
    KERBEROS(3),
    SAML(4),
    JWT(5);

    private final int code;

    UserIdentityType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static UserIdentityType of(int code) throws PduFormatException {
        if (code < 1 || code > 5) {
            throw new PduFormatException(AbortReason.INVALID_PDU_PARAMETER_VALUE, "user identity type " + code);
        }
        return values()[code - 1];
    }
}
