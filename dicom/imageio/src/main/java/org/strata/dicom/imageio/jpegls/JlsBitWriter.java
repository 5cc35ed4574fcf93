package org.strata.dicom.imageio.jpegls;

import java.io.ByteArrayOutputStream;

/** Writes JPEG-LS entropy-coded bits with the 0-bit stuffing after each 0xFF byte (T.87 A.1). */
final class JlsBitWriter {

    private final ByteArrayOutputStream out;
    private int current;
    private int used;
    private int capacity = 8;

    JlsBitWriter(ByteArrayOutputStream out) {
        this.out = out;
    }

    void writeBit(int bit) {
        current = (current << 1) | bit;
        if (++used == capacity) {
            emit();
        }
    }

    void writeBits(int value, int n) {
        for (int i = n - 1; i >= 0; i--) {
            writeBit((value >>> i) & 1);
        }
    }

    void writeZeros(int n) {
        for (int i = 0; i < n; i++) {
            writeBit(0);
        }
    }

    private void emit() {
        out.write(current);
        capacity = current == 0xFF ? 7 : 8;
        current = 0;
        used = 0;
    }

    /** Pads the last byte with 0 bits; a final 0xFF gets its stuffed 0 byte so no marker is faked. */
    void flush() {
        if (used > 0) {
            current <<= capacity - used;
            emit();
        }
        if (capacity == 7) {
            out.write(0);
            capacity = 8;
        }
    }
}
