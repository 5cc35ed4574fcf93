package org.strata.dicom.core.io;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/** A position-counting input with peeking and endian-aware reads of the PS3.5 7.1 header fields. */
final class DicomInput {

    /** Values up to this size are read straight into an array of their length, even from a stream of unknown length. */
    private static final int DIRECT_READ = 1 << 20;

    private final InputStream in;
    private final byte[] buf = new byte[8];
    private final long limit;
    private long position;
    private boolean bigEndian;

    /**
     * @param limit the size of the source from offset 0 when known (its lengths are checked against
     *        it before values are read), else -1
     */
    DicomInput(InputStream in, long position, long limit) {
        this.in = in.markSupported() ? in : new BufferedInputStream(in, 64 * 1024);
        this.position = position;
        this.limit = limit;
    }

    InputStream stream() {
        return in;
    }

    long position() {
        return position;
    }

    boolean bigEndian() {
        return bigEndian;
    }

    void bigEndian(boolean bigEndian) {
        this.bigEndian = bigEndian;
    }

    /** Next 4-byte tag without consuming it, or {@code null} at end of stream. */
    Integer peekTag() throws IOException {
        in.mark(8);
        int n = in.readNBytes(buf, 0, 4);
        in.reset();
        if (n == 0) {
            return null;
        }
        if (n < 4) {
            throw new DicomParseException("truncated element header", 0, position);
        }
        return tag(buf, 0);
    }

    int readTag() throws IOException {
        readFully(buf, 4);
        return tag(buf, 0);
    }

    private int tag(byte[] b, int off) {
        return u16(b, off) << 16 | u16(b, off + 2);
    }

    int readU16() throws IOException {
        readFully(buf, 2);
        return u16(buf, 0);
    }

    /** The 2 VR characters as a number, first character high (independent of byte order). */
    int readVRCode() throws IOException {
        readFully(buf, 2);
        return (buf[0] & 0xFF) << 8 | (buf[1] & 0xFF);
    }

    int readInt() throws IOException {
        readFully(buf, 4);
        return bigEndian
                ? (buf[0] & 0xFF) << 24 | (buf[1] & 0xFF) << 16 | (buf[2] & 0xFF) << 8 | (buf[3] & 0xFF)
                : (buf[3] & 0xFF) << 24 | (buf[2] & 0xFF) << 16 | (buf[1] & 0xFF) << 8 | (buf[0] & 0xFF);
    }

    private int u16(byte[] b, int off) {
        return bigEndian ? (b[off] & 0xFF) << 8 | (b[off + 1] & 0xFF) : (b[off + 1] & 0xFF) << 8 | (b[off] & 0xFF);
    }

    /**
     * Reads exactly {@code n} bytes. A value within the known size of the source or of at most
     * {@link #DIRECT_READ} bytes is read straight into its array; a larger one from a stream of
     * unknown length is allocated only as the data arrives (no trust in {@code n}).
     */
    byte[] readBytes(int n, int tag) throws IOException {
        if (n <= DIRECT_READ || limit >= 0 && position + n <= limit) {
            byte[] b = new byte[n];
            int r = in.readNBytes(b, 0, n);
            position += r;
            if (r != n) {
                throw new DicomParseException("value truncated (" + r + " of " + n + " bytes)", tag, position);
            }
            return b;
        }
        byte[] b = in.readNBytes(n);
        position += b.length;
        if (b.length != n) {
            throw new DicomParseException("value truncated (" + b.length + " of " + n + " bytes)", tag, position);
        }
        return b;
    }

    void skip(long n, int tag) throws IOException {
        long left = n;
        while (left > 0) {
            long s = in.skip(left);
            if (s <= 0) {
                if (in.read() < 0) {
                    throw new DicomParseException("value truncated while skipping", tag, position);
                }
                s = 1;
            }
            left -= s;
            position += s;
        }
    }

    private void readFully(byte[] b, int n) throws IOException {
        int r = in.readNBytes(b, 0, n);
        position += r;
        if (r != n) {
            throw new EOFException("end of stream at offset " + position);
        }
    }
}
