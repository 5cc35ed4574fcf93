package org.strata.dicom.net.pdu;

import java.util.ArrayList;
import java.util.List;

/** Decodes the variable items of A-ASSOCIATE-RQ/-AC PDUs, PS3.8 9.3.2 and 9.3.3. */
final class AssociateDecoder {

    private AssociateDecoder() {
    }

    static AssociateRq request(PduDecoder.Cursor c) throws PduFormatException {
        Header h = header(c);
        String appContext = null;
        List<PresentationContextRq> pcs = new ArrayList<>();
        UserInformation ui = null;
        while (c.remaining() > 0) {
            int type = c.u8();
            c.u8();
            PduDecoder.Cursor item = c.slice(c.u16());
            switch (type) {
                case 0x10 -> appContext = item.uid(item.remaining());
                case 0x20 -> pcs.add(presentationContextRq(item));
                case 0x50 -> ui = UserInformationCodec.decode(item, true);
                default -> throw new PduFormatException(AbortReason.UNRECOGNIZED_PDU_PARAMETER,
                        String.format("A-ASSOCIATE-RQ item type 0x%02X", type));
            }
        }
        check(appContext, pcs.isEmpty(), ui, "A-ASSOCIATE-RQ");
        return new AssociateRq(h.version, h.called, h.calling, appContext, pcs, ui);
    }

    static AssociateAc accept(PduDecoder.Cursor c) throws PduFormatException {
        Header h = header(c);
        String appContext = null;
        List<PresentationContextAc> pcs = new ArrayList<>();
        UserInformation ui = null;
        while (c.remaining() > 0) {
            int type = c.u8();
            c.u8();
            PduDecoder.Cursor item = c.slice(c.u16());
            switch (type) {
                case 0x10 -> appContext = item.uid(item.remaining());
                case 0x21 -> pcs.add(presentationContextAc(item));
                case 0x50 -> ui = UserInformationCodec.decode(item, false);
                default -> throw new PduFormatException(AbortReason.UNRECOGNIZED_PDU_PARAMETER,
                        String.format("A-ASSOCIATE-AC item type 0x%02X", type));
            }
        }
        check(appContext, false, ui, "A-ASSOCIATE-AC");
        return new AssociateAc(h.version, h.called, h.calling, appContext, pcs, ui);
    }

    private static void check(String appContext, boolean noContexts, UserInformation ui, String what)
            throws PduFormatException {
        if (appContext == null || noContexts || ui == null) {
            throw new PduFormatException(AbortReason.INVALID_PDU_PARAMETER_VALUE, what
                    + " lacks its application context, presentation context or user information item");
        }
    }

    private record Header(int version, String called, String calling) {
    }

    private static Header header(PduDecoder.Cursor c) throws PduFormatException {
        int version = c.u16();
        c.u16();
        String called = c.aeTitle();
        String calling = c.aeTitle();
        c.bytes(32);
        return new Header(version, called, calling);
    }

    private static PresentationContextRq presentationContextRq(PduDecoder.Cursor c) throws PduFormatException {
        int id = c.u8();
        c.bytes(3);
        String abstractSyntax = null;
        List<String> ts = new ArrayList<>();
        while (c.remaining() > 0) {
            int type = c.u8();
            c.u8();
            String uid = c.uid(c.u16());
            if (type == 0x30 && abstractSyntax == null) {
                abstractSyntax = uid;
            } else if (type == 0x40) {
                ts.add(uid);
            } else {
                throw new PduFormatException(AbortReason.UNEXPECTED_PDU_PARAMETER,
                        String.format("presentation context %d sub-item type 0x%02X", id, type));
            }
        }
        if (abstractSyntax == null || ts.isEmpty() || id % 2 == 0) {
            throw new PduFormatException(AbortReason.INVALID_PDU_PARAMETER_VALUE,
                    "presentation context " + id + " without abstract or transfer syntax, or with an even ID");
        }
        return new PresentationContextRq(id, abstractSyntax, ts);
    }

    private static PresentationContextAc presentationContextAc(PduDecoder.Cursor c) throws PduFormatException {
        int id = c.u8();
        c.u8();
        PresentationContextResult result = PresentationContextResult.of(c.u8());
        c.u8();
        String ts = null;
        while (c.remaining() > 0) {
            int type = c.u8();
            c.u8();
            String uid = c.uid(c.u16());
            if (type == 0x40) {
                ts = uid;
            }
        }
        if (result == PresentationContextResult.ACCEPTANCE && (ts == null || ts.isEmpty())) {
            throw new PduFormatException(AbortReason.INVALID_PDU_PARAMETER_VALUE,
                    "accepted presentation context " + id + " without transfer syntax");
        }
        return new PresentationContextAc(id, result, result == PresentationContextResult.ACCEPTANCE ? ts : null);
    }
}
