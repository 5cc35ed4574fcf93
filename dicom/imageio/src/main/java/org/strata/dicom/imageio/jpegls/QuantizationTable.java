package org.strata.dicom.imageio.jpegls;

/**
 * The gradient quantisation of T.87 A.3.3 as a table over -MAXVAL..MAXVAL, built once per set of
 * parameters (the last one is kept: a multi-frame image uses the same parameters for every frame).
 */
final class QuantizationTable {

    private record Entry(JlsParameters parameters, byte[] table) {
    }

    private static volatile Entry last;

    private QuantizationTable() {
    }

    /** Index {@code d + maxVal} holds Q(d), -4..4. */
    static byte[] of(JlsParameters p) {
        Entry e = last;
        if (e != null && e.parameters().equals(p)) {
            return e.table();
        }
        int maxVal = p.maxVal();
        byte[] t = new byte[2 * maxVal + 1];
        for (int d = -maxVal; d <= maxVal; d++) {
            t[d + maxVal] = (byte) quantize(d, p);
        }
        last = new Entry(p, t);
        return t;
    }

    /** A.3.3 (code segment A.4). */
    static int quantize(int d, JlsParameters p) {
        int near = p.near();
        if (d <= -p.t3()) {
            return -4;
        } else if (d <= -p.t2()) {
            return -3;
        } else if (d <= -p.t1()) {
            return -2;
        } else if (d < -near) {
            return -1;
        } else if (d <= near) {
            return 0;
        } else if (d < p.t1()) {
            return 1;
        } else if (d < p.t2()) {
            return 2;
        } else if (d < p.t3()) {
            return 3;
        }
        return 4;
    }
}
