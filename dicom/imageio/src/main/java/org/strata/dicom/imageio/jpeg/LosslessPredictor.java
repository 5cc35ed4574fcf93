package org.strata.dicom.imageio.jpeg;

/** The predictors of T.81 Table H.1 (selection values 1 to 7) and the difference categories of H.1.2.2. */
final class LosslessPredictor {

    private LosslessPredictor() {
    }

    /**
     * Prediction for the sample at (x, y) of a plane (H.1.2.1). {@code firstRow}/{@code firstCol}
     * give the first sample after the start of the scan or the last restart: that sample is
     * predicted by 2^(P-Pt-1), the rest of its row by Ra, the first column of later rows by Rb.
     */
    static int predict(int[] plane, int width, int x, int y, int sv, int firstRow, int firstCol, int defaultValue) {
        int i = y * width + x;
        if (y == firstRow) {
            return x == firstCol ? defaultValue : plane[i - 1];
        }
        if (x == 0) {
            return plane[i - width];
        }
        int ra = plane[i - 1];
        int rb = plane[i - width];
        int rc = plane[i - width - 1];
        return switch (sv) {
            case 1 -> ra;
            case 2 -> rb;
            case 3 -> rc;
            case 4 -> ra + rb - rc;
            case 5 -> ra + ((rb - rc) >> 1);
            case 6 -> rb + ((ra - rc) >> 1);
            case 7 -> (ra + rb) >> 1;
            default -> throw new IllegalArgumentException("predictor " + sv);
        };
    }

    /** Difference modulo 2^16, in -32767..32768 (H.1.2.2; 32768 has category 16 and no extra bits). */
    static int difference(int sample, int prediction) {
        int d = (sample - prediction) & 0xFFFF;
        return d > 32768 ? d - 65536 : d;
    }

    /** SSSS of Table H.2. */
    static int category(int diff) {
        int a = Math.abs(diff);
        return a == 0 ? 0 : 32 - Integer.numberOfLeadingZeros(a);
    }
}
