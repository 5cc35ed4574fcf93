package org.strata.dicom.imageio.jpegls;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

import org.strata.dicom.imageio.PixelDataException;

/**
 * Reads the entropy-coded bits of a JPEG-LS scan, removing the stuffed 0 bit that follows every
 * 0xFF byte (T.87 A.1). A 0xFF followed by a byte with its high bit set is a marker: reading stops
 * there and feeds zero bits.
 *
 * <p>The unread bits sit left-aligned in a 64-bit buffer ({@link #buf}, {@link #cnt} of them valid,
 * every bit below them 0), so that the unary prefix of a Golomb code is its leading-zero count. The
 * hot loop of {@link JlsScanCoder} keeps both in locals and hands them back before calling a method
 * here.
 */
final class JlsBitReader {

    private static final VarHandle BIG_ENDIAN_LONG =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

    private final byte[] data;
    private int pos;
    private final int end;
    /** The unread bits, left-aligned. */
    long buf;
    /** How many bits of {@link #buf} are valid. */
    int cnt;
    private boolean previousWasFF;
    private boolean atMarker;

    JlsBitReader(byte[] data, int start, int end) {
        this.data = data;
        this.pos = start;
        this.end = end;
    }

    /**
     * Tops the buffer up to more than 56 bits; requires {@code cnt < 32}. Fast path: the whole bytes
     * that fit, from one 8-byte load, when none of them is 0xFF (no stuffed bit, no marker).
     */
    void fill() {
        int p = pos;
        if (p + 8 <= end && !previousWasFF && !atMarker) {
            long v = (long) BIG_ENDIAN_LONG.get(data, p);
            int bytes = (64 - cnt) >>> 3;                               // 4..8
            long keep = -1L << (64 - 8 * bytes);
            if ((((~v - ONES) & v & HIGHS) & keep) == 0) {               // no 0xFF byte among them
                buf |= (v & keep) >>> cnt;
                cnt += 8 * bytes;
                pos = p + bytes;
                return;
            }
        }
        fillByBytes();
    }

    private void fillByBytes() {
        while (cnt <= 56) {
            if (atMarker || pos >= end) {
                cnt += 8;                                                // past the end: zero bits
                continue;
            }
            int b = data[pos] & 0xFF;
            if (previousWasFF) {
                if (b >= 0x80) {
                    atMarker = true;
                    continue;
                }
                buf |= (long) b << (57 - cnt);
                cnt += 7;
            } else {
                buf |= (long) b << (56 - cnt);
                cnt += 8;
            }
            previousWasFF = b == 0xFF;
            pos++;
        }
    }

    int readBit() {
        if (cnt == 0) {
            fill();
        }
        int bit = (int) (buf >>> 63);
        buf <<= 1;
        cnt--;
        return bit;
    }

    /** Reads n (0..31) bits. */
    int readBits(int n) {
        if (n == 0) {
            return 0;
        }
        if (cnt < n) {
            fill();
        }
        int v = (int) (buf >>> (64 - n));
        buf <<= n;
        cnt -= n;
        return v;
    }

    /**
     * A.5.3 limited-length Golomb code LG(k, glimit) with {@code maxPrefix} = glimit - qbpp - 1:
     * from the bits already buffered when the whole code is there (the common case), else bit
     * group by bit group.
     */
    int readGolomb(int k, int maxPrefix, int qbpp) {
        if (cnt < 32) {
            fill();
        }
        int lead = Long.numberOfLeadingZeros(buf);
        if (lead < maxPrefix && lead + 1 + k <= cnt) {
            long b = (buf << lead) << 1;
            int low = (int) ((b >>> 1) >>> (63 - k));                   // the top k bits (none for k = 0)
            buf = b << k;
            cnt -= lead + 1 + k;
            return (lead << k) | low;
        }
        return readGolombSlowly(k, maxPrefix, qbpp);
    }

    /** {@link #readGolomb} for a code longer than the buffered bits, or an escape code. */
    int readGolombSlowly(int k, int maxPrefix, int qbpp) {
        int high = readUnary(maxPrefix);
        if (high < maxPrefix) {
            return (high << k) | readBits(k);
        }
        return readBits(qbpp) + 1;
    }

    /** Counts 0 bits up to and including the next 1 bit, failing beyond {@code max}. */
    int readUnary(int max) {
        int zeros = 0;
        while (true) {
            if (cnt == 0) {
                fill();
            }
            int lead = Long.numberOfLeadingZeros(buf);
            if (lead < cnt) {
                zeros += lead;
                buf = (buf << lead) << 1;
                cnt -= lead + 1;
                break;
            }
            zeros += cnt;
            buf = 0;
            cnt = 0;
            if (zeros > max) {
                break;
            }
        }
        if (zeros > max) {
            throw new PixelDataException("JPEG-LS: corrupt Golomb code (more than " + max + " zero bits)");
        }
        return zeros;
    }

    /** Position of the first byte not yet consumed, or of the marker that ended the scan. */
    int position() {
        return previousWasFF ? pos - 1 : pos;
    }
}
