package org.strata.dicom.imageio.jpeg;

import java.io.ByteArrayOutputStream;

/** Writes entropy-coded JPEG data with 0xFF 0x00 byte stuffing (T.81 F.1.2.3). */
final class JpegBitWriter {

    private final ByteArrayOutputStream out;
    private int current;
    private int used;

    JpegBitWriter(ByteArrayOutputStream out) {
        this.out = out;
    }

    void writeBits(int value, int n) {
        for (int i = n - 1; i >= 0; i--) {
            current = (current << 1) | ((value >>> i) & 1);
            if (++used == 8) {
                emit();
            }
        }
    }

    private void emit() {
        out.write(current);
        if (current == 0xFF) {
            out.write(0);
        }
        current = 0;
        used = 0;
    }

    /** Pads the last byte with 1 bits (F.1.2.3), e.g. before a RST or EOI marker. */
    void flush() {
        if (used > 0) {
            writeBits((1 << (8 - used)) - 1, 8 - used);
        }
    }
}
