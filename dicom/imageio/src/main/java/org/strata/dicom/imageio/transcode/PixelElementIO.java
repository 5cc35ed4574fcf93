package org.strata.dicom.imageio.transcode;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

import org.strata.dicom.core.Tag;
import org.strata.dicom.core.VR;
import org.strata.dicom.core.io.TransferSyntax;

/**
 * Reads and writes the (7FE0,0010) Pixel Data element of a stream directly, so that frames and
 * fragments pass one at a time (PS3.5 7.1.2 element headers, A.4 items of encapsulated data).
 */
final class PixelElementIO {

    static final int ITEM = 0xFFFEE000;
    static final int SEQUENCE_DELIMITATION = 0xFFFEE0DD;
    static final long UNDEFINED = 0xFFFFFFFFL;

    private PixelElementIO() {
    }

    /** The header of the element: its VR (as written, or OW for implicit VR) and length (UNDEFINED if encapsulated). */
    record Header(VR vr, long length) {
        boolean encapsulated() {
            return length == UNDEFINED;
        }
    }

    /** Reads the header of the Pixel Data element at the current position of {@code in}. */
    static Header readHeader(InputStream in, TransferSyntax ts) throws IOException {
        int tag = readTag(in, ts.bigEndian());
        if (tag != Tag.PixelData) {
            throw new TranscodeException(String.format("expected Pixel Data, found (%04X,%04X)", tag >>> 16,
                    tag & 0xFFFF));
        }
        if (!ts.explicitVR()) {
            return new Header(VR.OW, readU32(in, ts.bigEndian()));
        }
        byte[] code = readFully(in, 4);
        VR vr = VR.ofCode((code[0] & 0xFF) << 8 | code[1] & 0xFF);
        if (vr == null) {
            // an implicit VR element inside explicit VR data (as DicomReader accepts): 4 length bytes
            long length = ts.bigEndian()
                    ? (code[0] & 0xFFL) << 24 | (code[1] & 0xFF) << 16 | (code[2] & 0xFF) << 8 | code[3] & 0xFF
                    : (code[3] & 0xFFL) << 24 | (code[2] & 0xFF) << 16 | (code[1] & 0xFF) << 8 | code[0] & 0xFF;
            return new Header(VR.OW, length);
        }
        if (!vr.hasLongExplicitHeader()) {
            throw new TranscodeException("Pixel Data with VR " + vr);
        }
        return new Header(vr, readU32(in, ts.bigEndian()));
    }

    /** Reads the next item of encapsulated data: its value, or {@code null} at the sequence delimiter. */
    static byte[] readItem(InputStream in, long maxLength) throws IOException {
        int tag = readTag(in, false);
        long length = readU32(in, false);
        if (tag == SEQUENCE_DELIMITATION) {
            return null;
        }
        if (tag != ITEM || length == UNDEFINED) {
            throw new TranscodeException(String.format("expected an Item of encapsulated Pixel Data, found (%04X,%04X)",
                    tag >>> 16, tag & 0xFFFF));
        }
        if (length > maxLength) {
            throw new TranscodeException("fragment of " + length + " bytes exceeds the limit of " + maxLength);
        }
        return readFully(in, (int) length);
    }

    static void writeHeader(OutputStream out, TransferSyntax ts, VR vr, long length) throws IOException {
        writeTag(out, Tag.PixelData, ts.bigEndian());
        if (ts.explicitVR()) {
            out.write(vr.name().charAt(0));
            out.write(vr.name().charAt(1));
            out.write(0);
            out.write(0);
        }
        writeU32(out, length, ts.bigEndian());
    }

    /** Writes one Item (encapsulated data is always little endian, PS3.5 A.4), padded to even length. */
    static void writeItem(OutputStream out, byte[] value) throws IOException {
        writeTag(out, ITEM, false);
        writeU32(out, value.length + (value.length & 1), false);
        out.write(value);
        if ((value.length & 1) != 0) {
            out.write(0);
        }
    }

    static void writeSequenceDelimitation(OutputStream out) throws IOException {
        writeTag(out, SEQUENCE_DELIMITATION, false);
        writeU32(out, 0, false);
    }

    static byte[] readFully(InputStream in, int n) throws IOException {
        byte[] b = in.readNBytes(n);
        if (b.length != n) {
            throw new EOFException("Pixel Data truncated (" + b.length + " of " + n + " bytes)");
        }
        return b;
    }

    /** Swaps each 2-byte unit in place (OW in Explicit VR Big Endian, PS3.5 7.3). */
    static void swap16(byte[] b, int length) {
        for (int i = 0; i + 1 < length; i += 2) {
            byte t = b[i];
            b[i] = b[i + 1];
            b[i + 1] = t;
        }
    }

    private static int readTag(InputStream in, boolean bigEndian) throws IOException {
        byte[] b = readFully(in, 4);
        int group = bigEndian ? (b[0] & 0xFF) << 8 | b[1] & 0xFF : (b[1] & 0xFF) << 8 | b[0] & 0xFF;
        int element = bigEndian ? (b[2] & 0xFF) << 8 | b[3] & 0xFF : (b[3] & 0xFF) << 8 | b[2] & 0xFF;
        return group << 16 | element;
    }

    private static long readU32(InputStream in, boolean bigEndian) throws IOException {
        byte[] b = readFully(in, 4);
        long v = 0;
        for (int i = 0; i < 4; i++) {
            int k = bigEndian ? i : 3 - i;
            v = v << 8 | (b[k] & 0xFF);
        }
        return v;
    }

    private static void writeTag(OutputStream out, int tag, boolean bigEndian) throws IOException {
        writeU16(out, tag >>> 16, bigEndian);
        writeU16(out, tag & 0xFFFF, bigEndian);
    }

    private static void writeU16(OutputStream out, int v, boolean bigEndian) throws IOException {
        if (bigEndian) {
            out.write(v >>> 8);
            out.write(v);
        } else {
            out.write(v);
            out.write(v >>> 8);
        }
    }

    private static void writeU32(OutputStream out, long v, boolean bigEndian) throws IOException {
        if (bigEndian) {
            writeU16(out, (int) (v >>> 16) & 0xFFFF, true);
            writeU16(out, (int) v & 0xFFFF, true);
        } else {
            writeU16(out, (int) v & 0xFFFF, false);
            writeU16(out, (int) (v >>> 16) & 0xFFFF, false);
        }
    }
}
