package org.strata.dicom.imageio.jpeg;

import java.io.ByteArrayOutputStream;

/** Writing of JPEG marker segments (T.81 Annex B) shared by the encoders. */
final class JpegSegments {

    /** Zig-zag sequence position to natural (row-major) position, T.81 Figure A.6. */
    static final int[] ZIGZAG = {0, 1, 8, 16, 9, 2, 3, 10, 17, 24, 32, 25, 18, 11, 4, 5, 12, 19, 26, 33, 40, 48, 41,
        34, 27, 20, 13, 6, 7, 14, 21, 28, 35, 42, 49, 56, 57, 50, 43, 36, 29, 22, 15, 23, 30, 37, 44, 51, 58, 59, 52,
        45, 38, 31, 39, 46, 53, 60, 61, 54, 47, 55, 62, 63};

    private JpegSegments() {
    }

    static void marker(ByteArrayOutputStream out, int code) {
        out.write(0xFF);
        out.write(code);
    }

    static void u16(ByteArrayOutputStream out, int v) {
        out.write(v >> 8);
        out.write(v);
    }

    /** B.2.4.2 DHT with one table; {@code tcTh} is the class (0 DC/lossless, 1 AC) and id. */
    static void writeTable(ByteArrayOutputStream out, int tcTh, HuffmanTable table) {
        int[] bits = table.bits();
        int[] values = table.values();
        marker(out, JpegMarkers.DHT);
        u16(out, 2 + 1 + 16 + values.length);
        out.write(tcTh);
        for (int l = 1; l <= 16; l++) {
            out.write(bits[l]);
        }
        for (int v : values) {
            out.write(v);
        }
    }
}
