package org.strata.dicom.imageio.jpeg;

import org.strata.dicom.imageio.PixelDataException;

/**
 * Reads entropy-coded JPEG data (T.81 F.2.2.5): 0xFF 0x00 is a data 0xFF; any other marker ends
 * the data, after which 0 bits are supplied. Handles restart markers (F.2.2.5, RSTm).
 */
final class JpegBitReader {

    private final byte[] data;
    private int pos;
    private int buffer;
    private int count;
    private boolean atMarker;

    JpegBitReader(byte[] data, int start) {
        this.data = data;
        this.pos = start;
    }

    private void fill() {
        while (count <= 24) {
            int b = 0;
            if (!atMarker && pos < data.length) {
                b = data[pos] & 0xFF;
                if (b == 0xFF) {
                    int next = pos + 1 < data.length ? data[pos + 1] & 0xFF : 0xD9;
                    if (next == 0x00) {
                        pos += 2;
                    } else {
                        atMarker = true;
                        b = 0;
                    }
                } else {
                    pos++;
                }
            }
            buffer = (buffer << 8) | b;
            count += 8;
        }
    }

    int readBit() {
        if (count == 0) {
            fill();
        }
        count--;
        return (buffer >>> count) & 1;
    }

    int readBits(int n) {
        if (n == 0) {
            return 0;
        }
        if (count < n) {
            fill();
        }
        count -= n;
        return (buffer >>> count) & ((1 << n) - 1);
    }

    /** Discards the remaining bits and consumes the expected RSTm marker (fill bytes allowed). */
    void restart(int expected) {
        buffer = 0;
        count = 0;
        atMarker = false;
        while (pos < data.length && (data[pos] & 0xFF) != 0xFF) {
            pos++;                                  // tolerate garbage before the marker
        }
        while (pos < data.length && (data[pos] & 0xFF) == 0xFF) {
            pos++;
        }
        if (pos >= data.length) {
            throw new PixelDataException("JPEG: data ends where RST" + expected + " was expected");
        }
        int m = data[pos++] & 0xFF;
        if (m != 0xD0 + expected) {
            throw new PixelDataException(String.format("JPEG: expected RST%d, found marker FF%02X", expected, m));
        }
    }

    /** Position of the marker that ended the data (or of the next unread byte). */
    int position() {
        return pos;
    }
}
