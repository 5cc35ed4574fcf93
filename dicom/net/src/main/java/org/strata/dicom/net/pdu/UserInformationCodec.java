package org.strata.dicom.net.pdu;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** User Information item (0x50) and its sub-items, PS3.8 D.1 and PS3.7 D.3.3. */
final class UserInformationCodec {

    private UserInformationCodec() {
    }

    static void encode(PduEncoder.Buf b, UserInformation ui, boolean request) {
        int at = b.itemStart(0x50);
        b.u8(0x51).u8(0).u16(4).u32(ui.maxPduLength());                       // PS3.8 D.1
        PduEncoder.uidItem(b, 0x52, ui.implementationClassUid());             // PS3.7 D.3.3.2
        if (ui.asyncOpsWindow() != null) {                                    // PS3.7 D.3.3.3
            b.u8(0x53).u8(0).u16(4).u16(ui.asyncOpsWindow().maxInvoked()).u16(ui.asyncOpsWindow().maxPerformed());
        }
        for (RoleSelection r : ui.roleSelections()) {                         // PS3.7 D.3.3.4
            int s = b.itemStart(0x54);
            lengthPrefixedUid(b, r.sopClassUid());
            b.u8(r.scu() ? 1 : 0).u8(r.scp() ? 1 : 0);
            b.itemEnd(s);
        }
        if (ui.implementationVersionName() != null) {
            PduEncoder.uidItem(b, 0x55, ui.implementationVersionName());
        }
        for (SopClassExtendedNegotiation e : ui.extendedNegotiations()) {     // PS3.7 D.3.3.5
            int s = b.itemStart(0x56);
            lengthPrefixedUid(b, e.sopClassUid());
            b.bytes(e.info());
            b.itemEnd(s);
        }
        if (request) {
            for (CommonExtendedNegotiation c : ui.commonExtendedNegotiations()) { // PS3.7 D.3.3.6
                int s = b.itemStart(0x57);
                lengthPrefixedUid(b, c.sopClassUid());
                lengthPrefixedUid(b, c.serviceClassUid());
                int related = c.relatedGeneralSopClassUids().stream().mapToInt(u -> 2 + u.length()).sum();
                b.u16(related);
                c.relatedGeneralSopClassUids().forEach(u -> lengthPrefixedUid(b, u));
                b.itemEnd(s);
            }
            UserIdentityRq id = ui.userIdentityRq();
            if (id != null) {                                                 // PS3.7 D.3.3.7.1
                int s = b.itemStart(0x58);
                byte[] p = id.primaryField();
                byte[] q = id.secondaryField();
                b.u8(id.type().code()).u8(id.positiveResponseRequested() ? 1 : 0).u16(p.length).bytes(p)
                        .u16(q.length).bytes(q);
                b.itemEnd(s);
            }
        } else if (ui.userIdentityServerResponse() != null) {                // PS3.7 D.3.3.7.2
            byte[] r = ui.userIdentityServerResponse();
            int s = b.itemStart(0x59);
            b.u16(r.length).bytes(r);
            b.itemEnd(s);
        }
        b.itemEnd(at);
    }

    private static void lengthPrefixedUid(PduEncoder.Buf b, String uid) {
        byte[] s = uid.getBytes(StandardCharsets.US_ASCII);
        b.u16(s.length).bytes(s);
    }

    static UserInformation decode(PduDecoder.Cursor c, boolean request) throws PduFormatException {
        UserInformation.Builder u = UserInformation.builder().implementationVersionName(null);
        boolean maxLength = false;
        boolean classUid = false;
        while (c.remaining() > 0) {
            int type = c.u8();
            c.u8();
            PduDecoder.Cursor item = c.slice(c.u16());
            switch (type) {
                case 0x51 -> {
                    u.maxPduLength(item.u32());
                    maxLength = true;
                }
                case 0x52 -> {
                    u.implementationClassUid(item.uid(item.remaining()));
                    classUid = true;
                }
                case 0x53 -> u.asyncOpsWindow(new AsyncOpsWindow(item.u16(), item.u16()));
                case 0x54 -> {
                    String uid = item.uid(item.u16());
                    u.addRoleSelection(new RoleSelection(uid, item.u8() == 1, item.u8() == 1));
                }
                case 0x55 -> u.implementationVersionName(item.uid(item.remaining()));
                case 0x56 -> {
                    String uid = item.uid(item.u16());
                    u.addExtendedNegotiation(new SopClassExtendedNegotiation(uid, item.bytes(item.remaining())));
                }
                case 0x57 -> u.addCommonExtendedNegotiation(commonExtended(item));
                case 0x58 -> {
                    UserIdentityType t = UserIdentityType.of(item.u8());
                    boolean positive = item.u8() == 1;
                    byte[] primary = item.bytes(item.u16());
                    byte[] secondary = item.bytes(item.u16());
                    u.userIdentityRq(new UserIdentityRq(t, positive, primary, secondary));
                }
                case 0x59 -> u.userIdentityServerResponse(item.bytes(item.u16()));
                default -> {
                    // PS3.7 D.3.3: unknown sub-items are ignored
                }
            }
        }
        if (!maxLength) {
            throw new PduFormatException(AbortReason.INVALID_PDU_PARAMETER_VALUE,
                    "user information without maximum length sub-item");
        }
        if (!classUid) {
            throw new PduFormatException(AbortReason.INVALID_PDU_PARAMETER_VALUE,
                    "user information without implementation class UID");
        }
        return u.build();
    }

    private static CommonExtendedNegotiation commonExtended(PduDecoder.Cursor item) throws PduFormatException {
        String sop = item.uid(item.u16());
        String service = item.uid(item.u16());
        PduDecoder.Cursor related = item.slice(item.u16());
        List<String> uids = new ArrayList<>();
        while (related.remaining() > 0) {
            uids.add(related.uid(related.u16()));
        }
        return new CommonExtendedNegotiation(sop, service, uids);
    }

    static String text(byte[] b) {
        return new String(b, StandardCharsets.US_ASCII);
    }
}
