package org.strata.dicom.net.pdu;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * User Identity sub-item of an A-ASSOCIATE-RQ (PS3.7 D.3.3.7.1). The secondary field (passcode) is
 * only used with {@link UserIdentityType#USERNAME_AND_PASSCODE}; it is never printed.
 */
public record UserIdentityRq(UserIdentityType type, boolean positiveResponseRequested, byte[] primaryField,
        byte[] secondaryField) {

    public UserIdentityRq {
        primaryField = primaryField.clone();
        secondaryField = secondaryField == null ? new byte[0] : secondaryField.clone();
    }

    public static UserIdentityRq username(String username, boolean positiveResponseRequested) {
        return new UserIdentityRq(UserIdentityType.USERNAME, positiveResponseRequested,
                username.getBytes(StandardCharsets.UTF_8), null);
    }

    public static UserIdentityRq usernamePasscode(String username, char[] passcode,
            boolean positiveResponseRequested) {
        return new UserIdentityRq(UserIdentityType.USERNAME_AND_PASSCODE, positiveResponseRequested,
                username.getBytes(StandardCharsets.UTF_8),
                StandardCharsets.UTF_8.encode(java.nio.CharBuffer.wrap(passcode)).array());
    }

    @Override
    public byte[] primaryField() {
        return primaryField.clone();
    }

    @Override
    public byte[] secondaryField() {
        return secondaryField.clone();
    }

    /** The primary field as UTF-8 text (the username for types 1 and 2). */
    public String primaryFieldAsString() {
        return new String(primaryField, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UserIdentityRq u && u.type == type
                && u.positiveResponseRequested == positiveResponseRequested
                && Arrays.equals(u.primaryField, primaryField) && Arrays.equals(u.secondaryField, secondaryField);
    }

    @Override
    public int hashCode() {
        return type.hashCode() * 31 + Arrays.hashCode(primaryField);
    }

    @Override
    public String toString() {
        return "UserIdentityRq[" + type + ", response requested " + positiveResponseRequested + "]";
    }
}
