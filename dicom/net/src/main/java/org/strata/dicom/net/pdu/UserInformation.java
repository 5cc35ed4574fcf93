package org.strata.dicom.net.pdu;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * User Information item (PS3.8 9.3.2.3 and PS3.7 Annex D) of an A-ASSOCIATE-RQ or -AC.
 *
 * @param maxPduLength maximum length of a P-DATA-TF PDU the sender can receive; 0 = unlimited (PS3.8 D.1)
 * @param asyncOpsWindow {@code null} when absent
 * @param userIdentityRq {@code null} when absent (RQ only)
 * @param userIdentityServerResponse {@code null} when absent (AC only, PS3.7 D.3.3.7.2)
 */
public record UserInformation(long maxPduLength, String implementationClassUid, String implementationVersionName,
        AsyncOpsWindow asyncOpsWindow, List<RoleSelection> roleSelections,
        List<SopClassExtendedNegotiation> extendedNegotiations,
        List<CommonExtendedNegotiation> commonExtendedNegotiations, UserIdentityRq userIdentityRq,
        byte[] userIdentityServerResponse) {

    /** Our implementation class UID (2.25 UUID-derived root) and version name, PS3.7 D.3.3.2. */
    public static final String IMPLEMENTATION_CLASS_UID = "2.25.143018763342287545262618399716281766953";
    public static final String IMPLEMENTATION_VERSION_NAME = "STRATA_010";

    public UserInformation {
        if (maxPduLength < 0 || maxPduLength > 0xFFFFFFFFL) {
            throw new IllegalArgumentException("max PDU length out of range: " + maxPduLength);
        }
        roleSelections = List.copyOf(roleSelections);
        extendedNegotiations = List.copyOf(extendedNegotiations);
        commonExtendedNegotiations = List.copyOf(commonExtendedNegotiations);
        userIdentityServerResponse = userIdentityServerResponse == null ? null : userIdentityServerResponse.clone();
    }

    @Override
    public byte[] userIdentityServerResponse() {
        return userIdentityServerResponse == null ? null : userIdentityServerResponse.clone();
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UserInformation u && u.maxPduLength == maxPduLength
                && u.implementationClassUid.equals(implementationClassUid)
                && java.util.Objects.equals(u.implementationVersionName, implementationVersionName)
                && java.util.Objects.equals(u.asyncOpsWindow, asyncOpsWindow)
                && u.roleSelections.equals(roleSelections) && u.extendedNegotiations.equals(extendedNegotiations)
                && u.commonExtendedNegotiations.equals(commonExtendedNegotiations)
                && java.util.Objects.equals(u.userIdentityRq, userIdentityRq)
                && Arrays.equals(u.userIdentityServerResponse, userIdentityServerResponse);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(maxPduLength) * 31 + implementationClassUid.hashCode();
    }

    /** Builder; defaults: our implementation class UID and version name, max PDU length 16 KiB. */
    public static final class Builder {
        private long maxPduLength = 16384;
        private String implementationClassUid = IMPLEMENTATION_CLASS_UID;
        private String implementationVersionName = IMPLEMENTATION_VERSION_NAME;
        private AsyncOpsWindow asyncOpsWindow;
        private final List<RoleSelection> roleSelections = new ArrayList<>();
        private final List<SopClassExtendedNegotiation> extendedNegotiations = new ArrayList<>();
        private final List<CommonExtendedNegotiation> commonExtendedNegotiations = new ArrayList<>();
        private UserIdentityRq userIdentityRq;
        private byte[] userIdentityServerResponse;

        public Builder maxPduLength(long v) {
            maxPduLength = v;
            return this;
        }

        public Builder implementationClassUid(String v) {
            implementationClassUid = v;
            return this;
        }

        public Builder implementationVersionName(String v) {
            implementationVersionName = v;
            return this;
        }

        public Builder asyncOpsWindow(AsyncOpsWindow v) {
            asyncOpsWindow = v;
            return this;
        }

        public Builder addRoleSelection(RoleSelection v) {
            roleSelections.add(v);
            return this;
        }

        public Builder addExtendedNegotiation(SopClassExtendedNegotiation v) {
            extendedNegotiations.add(v);
            return this;
        }

        public Builder addCommonExtendedNegotiation(CommonExtendedNegotiation v) {
            commonExtendedNegotiations.add(v);
            return this;
        }

        public Builder userIdentityRq(UserIdentityRq v) {
            userIdentityRq = v;
            return this;
        }

        public Builder userIdentityServerResponse(byte[] v) {
            userIdentityServerResponse = v;
            return this;
        }

        public UserInformation build() {
            return new UserInformation(maxPduLength, implementationClassUid, implementationVersionName, asyncOpsWindow,
                    roleSelections, extendedNegotiations, commonExtendedNegotiations, userIdentityRq,
                    userIdentityServerResponse);
        }
    }
}
