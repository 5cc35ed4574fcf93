package org.strata.dicom.net.pdu;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Encodes PDUs into their wire form, PS3.8 9.3 (all integers big endian, PS3.8 9.3.1). */
public final class PduEncoder {

    private PduEncoder() {
    }

    public static byte[] encode(Pdu pdu) {
        Buf b = new Buf();
        b.u8(pdu.type().code()).u8(0).u32(0); // length patched below
        if (pdu instanceof AssociateRq rq) {
            associateHeader(b, rq.protocolVersion(), rq.calledAeTitle(), rq.callingAeTitle());
            uidItem(b, 0x10, rq.applicationContext());
            for (PresentationContextRq pc : rq.presentationContexts()) {
                int at = b.itemStart(0x20);
                b.u8(pc.id()).u8(0).u8(0).u8(0);
                uidItem(b, 0x30, pc.abstractSyntax());
                pc.transferSyntaxes().forEach(ts -> uidItem(b, 0x40, ts));
                b.itemEnd(at);
            }
            UserInformationCodec.encode(b, rq.userInformation(), true);
        } else if (pdu instanceof AssociateAc ac) {
            associateHeader(b, ac.protocolVersion(), ac.calledAeTitle(), ac.callingAeTitle());
            uidItem(b, 0x10, ac.applicationContext());
            for (PresentationContextAc pc : ac.presentationContexts()) {
                int at = b.itemStart(0x21);
                b.u8(pc.id()).u8(0).u8(pc.result().code()).u8(0);
                // PS3.8 9.3.3.2: one transfer syntax sub-item, not significant unless accepted
                uidItem(b, 0x40, pc.accepted() ? pc.transferSyntax() : "");
                b.itemEnd(at);
            }
            UserInformationCodec.encode(b, ac.userInformation(), false);
        } else if (pdu instanceof AssociateRj rj) {
            b.u8(0).u8(rj.result().code()).u8(rj.reason().source()).u8(rj.reason().code());
        } else if (pdu instanceof PDataTf p) {
            for (Pdv pdv : p.pdvs()) {
                b.u32(pdv.length() + 2L).u8(pdv.presentationContextId()).u8(pdv.controlHeader());
                pdv.writeTo(b);
            }
        } else if (pdu instanceof Abort a) {
            b.u8(0).u8(0).u8(a.source().code())
                    .u8(a.source() == AbortSource.SERVICE_PROVIDER ? a.reason().code() : 0);
        } else {
            b.u32(0); // A-RELEASE-RQ / -RP: four reserved bytes
        }
        byte[] out = b.toByteArray();
        int len = out.length - 6;
        out[2] = (byte) (len >>> 24);
        out[3] = (byte) (len >>> 16);
        out[4] = (byte) (len >>> 8);
        out[5] = (byte) len;
        return out;
    }

    private static void associateHeader(Buf b, int version, String called, String calling) {
        b.u16(version).u16(0).bytes(aeTitle(called)).bytes(aeTitle(calling)).bytes(new byte[32]);
    }

    /** AE titles are 16 bytes, space padded (PS3.8 9.3.2). */
    static byte[] aeTitle(String ae) {
        byte[] a = new byte[16];
        java.util.Arrays.fill(a, (byte) ' ');
        byte[] s = ae.getBytes(StandardCharsets.US_ASCII);
        if (s.length > 16) {
            throw new IllegalArgumentException("AE title longer than 16 characters: " + ae);
        }
        System.arraycopy(s, 0, a, 0, s.length);
        return a;
    }

    static void uidItem(Buf b, int type, String uid) {
        byte[] s = uid.getBytes(StandardCharsets.US_ASCII);
        b.u8(type).u8(0).u16(s.length).bytes(s);
    }

    /** A growable big-endian buffer. */
    static final class Buf extends ByteArrayOutputStream {
        Buf u8(int v) {
            write(v);
            return this;
        }

        Buf u16(int v) {
            write(v >>> 8);
            write(v);
            return this;
        }

        Buf u32(long v) {
            u16((int) (v >>> 16));
            return u16((int) v);
        }

        Buf bytes(byte[] v) {
            write(v, 0, v.length);
            return this;
        }

        /** Writes an item header with a zero length; returns its position for {@link #itemEnd}. */
        int itemStart(int type) {
            u8(type).u8(0).u16(0);
            return count;
        }

        void itemEnd(int start) {
            int len = count - start;
            if (len > 0xFFFF) {
                throw new IllegalArgumentException("item longer than 65535 bytes");
            }
            buf[start - 2] = (byte) (len >>> 8);
            buf[start - 1] = (byte) len;
        }
    }
}
