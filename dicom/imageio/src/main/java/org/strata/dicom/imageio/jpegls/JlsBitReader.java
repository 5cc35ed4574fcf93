package org.strata.dicom.imageio.jpegls;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

import org.strata.dicom.imageio.PixelDataException;

/**
 * Reads the entropy-coded bits of a JPEG-LS scan, removing the stuffed 0 bit that follows every
 * 0xFF byte (T.87 A.1). A 0xFF followed by a byte with its high bit set is a marker: reading stops
 * there and feeds zero bits.
 */
final class JlsBitReader {

    private static final VarHandle BIG_ENDIAN_LONG =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private final byte[] data;
    private int pos;
    private final int end;
    private long buffer;
    private int count;
    private boolean previousWasFF;
    private boolean atMarker;

    JlsBitReader(byte[] data, int start, int end) {
        this.data = data;
        this.pos = start;
        this.end = end;
    }

    private void fill() {
        if (count <= 56 && !previousWasFF && !atMarker && pos + 8 <= end) {
            // fast path: as many whole bytes as fit, in one load, when none of them is 0xFF (no stuffing)
            long v = (long) BIG_ENDIAN_LONG.get(data, pos);
            int k = Math.min(7, (64 - count) >>> 3);
            long notV = ~v;
            long ff = (notV - 0x0101010101010101L) & v & 0x8080808080808080L; // bytes of v that are 0xFF (or above one)
            if ((ff & (-1L << (64 - 8 * k))) == 0) {
                buffer = (buffer << (8 * k)) | (v >>> (64 - 8 * k));
                count += 8 * k;
                pos += k;
            }
        }
        while (count <= 56) {
            if (atMarker || pos >= end) {
                buffer <<= 8;            // past the end: zero bits
                count += 8;
                continue;
            }
            int b = data[pos] & 0xFF;
            if (previousWasFF) {
                if (b >= 0x80) {
                    atMarker = true;
                    continue;
                }
                buffer = (buffer << 7) | b;
                count += 7;
            } else {
                buffer = (buffer << 8) | b;
                count += 8;
            }
            previousWasFF = b == 0xFF;
            pos++;
        }
    }

    int readBit() {
        if (count == 0) {
            fill();
        }
        count--;
        return (int) (buffer >>> count) & 1;
    }

    int readBits(int n) {
        if (n == 0) {
            return 0;
        }
        if (count < n) {
            fill();
        }
        count -= n;
        return (int) (buffer >>> count) & ((1 << n) - 1);
    }

    /**
     * A.5.3 limited-length Golomb code LG(k, glimit) with {@code maxPrefix} = glimit - qbpp - 1:
     * from the bits already buffered when the whole code is there (the common case), else bit
     * group by bit group.
     */
    int readGolomb(int k, int maxPrefix, int qbpp) {
        if (count < 32) {
            fill();
        }
        long bits = buffer << (64 - count);
        int lead = bits == 0 ? 64 : Long.numberOfLeadingZeros(bits);
        if (lead < maxPrefix && lead + 1 + k <= count) {
            count -= lead + 1 + k;
            return (lead << k) | ((int) (buffer >>> count) & ((1 << k) - 1));
        }
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
            if (count == 0) {
                fill();
            }
            long bits = buffer << (64 - count);         // the unread bits, left-aligned
            int lead = bits == 0 ? count : Long.numberOfLeadingZeros(bits);
            if (lead < count) {
                zeros += lead;
                count -= lead + 1;
                break;
            }
            zeros += count;
            count = 0;
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
