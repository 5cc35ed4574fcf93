package org.strata.dicom.imageio.jpegls;

import java.io.ByteArrayOutputStream;

/** Writes the JPEG-LS marker segments of T.87 Annex C. */
final class JlsMarkers {

    static final int SOI = 0xD8;
    static final int EOI = 0xD9;
    static final int SOS = 0xDA;
    static final int DRI = 0xDD;
    static final int SOF55 = 0xF7;
    static final int LSE = 0xF8;

    private JlsMarkers() {
    }

    static void writeSoi(ByteArrayOutputStream out) {
        marker(out, SOI);
    }

    static void writeEoi(ByteArrayOutputStream out) {
        marker(out, EOI);
    }

    /** C.2.2 frame header: P, Y, X, Nf and per component Ci, Hi/Vi = 1/1, Tqi = 0. */
    static void writeSof55(ByteArrayOutputStream out, int precision, int rows, int columns, int components) {
        marker(out, SOF55);
        u16(out, 8 + 3 * components);
        out.write(precision);
        u16(out, rows);
        u16(out, columns);
        out.write(components);
        for (int c = 0; c < components; c++) {
            out.write(c + 1);
            out.write(0x11);
            out.write(0);
        }
    }

    /** C.2.4.1.1 preset coding parameters (LSE id 1), written explicitly so no decoder has to guess. */
    static void writeLse(ByteArrayOutputStream out, JlsParameters p) {
        marker(out, LSE);
        u16(out, 13);
        out.write(1);
        u16(out, p.maxVal());
        u16(out, p.t1());
        u16(out, p.t2());
        u16(out, p.t3());
        u16(out, p.reset());
    }

    /** C.2.3 scan header: Ns, component ids with mapping table 0, NEAR, ILV, point transform 0. */
    static void writeSos(ByteArrayOutputStream out, int[] componentIds, int near, int ilv) {
        marker(out, SOS);
        u16(out, 6 + 2 * componentIds.length);
        out.write(componentIds.length);
        for (int id : componentIds) {
            out.write(id);
            out.write(0);
        }
        out.write(near);
        out.write(ilv);
        out.write(0);
    }

    private static void marker(ByteArrayOutputStream out, int code) {
        out.write(0xFF);
        out.write(code);
    }

    private static void u16(ByteArrayOutputStream out, int v) {
        out.write(v >> 8);
        out.write(v);
    }
}
