package org.strata.dicom.net.pdu;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads PDUs from a stream, PS3.8 9.3. Every length is checked against what contains it and against
 * {@code maxPduLength} before anything is allocated, so a corrupt or hostile length cannot make us
 * allocate more than the limit.
 */
public final class PduDecoder {

    /** Ceiling for the associate PDUs, whose size the max-length negotiation does not bound. */
    public static final int MAX_ASSOCIATE_PDU_LENGTH = 1 << 20;
    /** PDU-type, reserved byte and PDU-length (PS3.8 9.3.1). */
    private static final int HEADER = 6;
    /** PDUs up to this length are read into an array allocated at once. */
    private static final int DIRECT_READ = 1 << 20;

    private PduDecoder() {
    }

    /**
     * Reads one PDU.
     *
     * @param maxPDataLength the largest P-DATA-TF variable field accepted (what we announced)
     * @return the PDU, or {@code null} at a clean end of stream before the first byte
     * @throws PduFormatException for a malformed PDU (answer with A-ABORT of that reason)
     * @throws EOFException when the stream ends inside a PDU
     */
    public static Pdu read(InputStream in, long maxPDataLength) throws IOException {
        // PS3.8 9.3.1: PDU-type (1), reserved (1), PDU-length (4, big endian), then the variable field;
        // the header is read in one call and the variable field straight into its own array, so that
        // the stream need not be buffered (no copy through a buffer, no available() probing)
        byte[] head = new byte[HEADER];
        int got = in.readNBytes(head, 0, HEADER);
        if (got == 0) {
            return null;
        }
        if (got < HEADER) {
            throw new EOFException("stream ended inside a PDU header after " + got + " bytes");
        }
        int first = head[0] & 0xFF;
        long length = ((head[2] & 0xFFL) << 24) | ((head[3] & 0xFF) << 16) | ((head[4] & 0xFF) << 8) | (head[5] & 0xFF);
        PduType type = PduType.of(first);
        if (type == null) {
            throw new PduFormatException(AbortReason.UNRECOGNIZED_PDU, String.format("PDU type 0x%02X", first));
        }
        long limit = switch (type) {
            case P_DATA_TF -> maxPDataLength;
            case A_ASSOCIATE_RQ, A_ASSOCIATE_AC -> MAX_ASSOCIATE_PDU_LENGTH;
            default -> 4;
        };
        if (length > limit) {
            throw new PduFormatException(AbortReason.INVALID_PDU_PARAMETER_VALUE,
                    type + " length " + length + " exceeds " + limit);
        }
        Cursor c = new Cursor(readFully(in, (int) length), 0, (int) length);
        return switch (type) {
            case A_ASSOCIATE_RQ -> AssociateDecoder.request(c);
            case A_ASSOCIATE_AC -> AssociateDecoder.accept(c);
            case A_ASSOCIATE_RJ -> {
                fixed(c, type);
                c.u8();
                RejectResult result = RejectResult.of(c.u8());
                int source = c.u8();
                yield new AssociateRj(result, RejectReason.of(source, c.u8()));
            }
            case P_DATA_TF -> pData(c);
            case A_RELEASE_RQ -> {
                fixed(c, type);
                yield new ReleaseRq();
            }
            case A_RELEASE_RP -> {
                fixed(c, type);
                yield new ReleaseRp();
            }
            case A_ABORT -> {
                fixed(c, type);
                c.u16();
                AbortSource source = AbortSource.of(c.u8());
                yield new Abort(source, AbortReason.of(c.u8()));
            }
        };
    }

    private static void fixed(Cursor c, PduType type) throws PduFormatException {
        if (c.remaining() != 4) {
            throw new PduFormatException(AbortReason.INVALID_PDU_PARAMETER_VALUE,
                    type + " length " + c.remaining() + ", expected 4");
        }
    }

    private static PDataTf pData(Cursor c) throws PduFormatException {
        List<Pdv> pdvs = new ArrayList<>(2);
        while (c.remaining() > 0) {
            long len = c.u32();
            if (len < 2 || len > c.remaining()) {
                throw new PduFormatException(AbortReason.INVALID_PDU_PARAMETER_VALUE, "PDV item length " + len);
            }
            int pcid = c.u8();
            int control = c.u8();
            if (pcid % 2 == 0 || (control & 0xFC) != 0) {
                throw new PduFormatException(AbortReason.INVALID_PDU_PARAMETER_VALUE,
                        "PDV with presentation context ID " + pcid + ", control header " + control);
            }
            Cursor value = c.slice((int) len - 2);
            pdvs.add(Pdv.owning(pcid, control, value.b, value.pos, value.remaining())); // a view, no copy
        }
        if (pdvs.isEmpty()) {
            throw new PduFormatException(AbortReason.INVALID_PDU_PARAMETER_VALUE, "P-DATA-TF without PDV");
        }
        return new PDataTf(pdvs);
    }

    /** Reads {@code n} bytes (already checked against the PDU limit) straight into one array. */
    private static byte[] readFully(InputStream in, int n) throws IOException {
        if (n > DIRECT_READ) { // only with "unlimited" announced: allocate as the data arrives
            byte[] b = in.readNBytes(n);
            if (b.length < n) {
                throw new EOFException("stream ended inside a PDU after " + b.length + " of " + n + " bytes");
            }
            return b;
        }
        byte[] b = new byte[n];
        int r = in.readNBytes(b, 0, n);
        if (r < n) {
            throw new EOFException("stream ended inside a PDU after " + r + " of " + n + " bytes");
        }
        return b;
    }

    /** A bounded big-endian reader over a byte array; every read is checked against the bound. */
    static final class Cursor {
        private final byte[] b;
        private int pos;
        private final int end;

        Cursor(byte[] b, int pos, int end) {
            this.b = b;
            this.pos = pos;
            this.end = end;
        }

        int remaining() {
            return end - pos;
        }

        private void need(int n) throws PduFormatException {
            if (n < 0 || n > end - pos) {
                throw new PduFormatException(AbortReason.INVALID_PDU_PARAMETER_VALUE,
                        "item length " + n + " exceeds the " + (end - pos) + " bytes left in its container");
            }
        }

        int u8() throws PduFormatException {
            need(1);
            return b[pos++] & 0xFF;
        }

        int u16() throws PduFormatException {
            need(2);
            int v = ((b[pos] & 0xFF) << 8) | (b[pos + 1] & 0xFF);
            pos += 2;
            return v;
        }

        long u32() throws PduFormatException {
            return ((long) u16() << 16) | u16();
        }

        byte[] bytes(int n) throws PduFormatException {
            need(n);
            byte[] r = java.util.Arrays.copyOfRange(b, pos, pos + n);
            pos += n;
            return r;
        }

        Cursor slice(int n) throws PduFormatException {
            need(n);
            Cursor c = new Cursor(b, pos, pos + n);
            pos += n;
            return c;
        }

        /** A UID or text field; trailing NUL and space padding are removed (PS3.8 9.3.2.2). */
        String uid(int n) throws PduFormatException {
            need(n);
            int e = pos + n;
            while (e > pos && (b[e - 1] == 0 || b[e - 1] == ' ')) {
                e--;
            }
            String s = new String(b, pos, e - pos, StandardCharsets.US_ASCII);
            pos += n;
            return s;
        }

        /** An AE title field: 16 bytes, leading and trailing spaces are not significant (PS3.8 9.3.2). */
        String aeTitle() throws PduFormatException {
            return uid(16).strip();
        }
    }
}
