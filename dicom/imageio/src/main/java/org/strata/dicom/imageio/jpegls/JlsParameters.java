package org.strata.dicom.imageio.jpegls;

/**
 * Coding parameters of one JPEG-LS scan (ITU-T T.87 A.2.1, C.2.4.1.1) and the values derived from
 * them: RANGE, qbpp and LIMIT.
 */
record JlsParameters(int precision, int maxVal, int near, int t1, int t2, int t3, int reset) {

    static final int DEFAULT_RESET = 64;
    private static final int BASIC_T1 = 3;
    private static final int BASIC_T2 = 7;
    private static final int BASIC_T3 = 21;

    /**
     * Completes parameters from an LSE marker (0 = default) with the defaults of C.2.4.1.1.
     */
    static JlsParameters of(int precision, int near, int maxVal, int t1, int t2, int t3, int reset) {
        int mv = maxVal != 0 ? maxVal : (1 << precision) - 1;
        int[] d = defaultThresholds(mv, near);
        return new JlsParameters(precision, mv, near, t1 != 0 ? t1 : d[0], t2 != 0 ? t2 : d[1],
                t3 != 0 ? t3 : d[2], reset != 0 ? reset : DEFAULT_RESET);
    }

    /** C.2.4.1.1.1: default thresholds for a given MAXVAL and NEAR. */
    static int[] defaultThresholds(int maxVal, int near) {
        int t1;
        int t2;
        int t3;
        if (maxVal >= 128) {
            int factor = (Math.min(maxVal, 4095) + 128) / 256;
            t1 = clamp(factor * (BASIC_T1 - 2) + 2 + 3 * near, near + 1, maxVal);
            t2 = clamp(factor * (BASIC_T2 - 3) + 3 + 5 * near, t1, maxVal);
            t3 = clamp(factor * (BASIC_T3 - 4) + 4 + 7 * near, t2, maxVal);
        } else {
            int factor = 256 / (maxVal + 1);
            t1 = clamp(Math.max(2, BASIC_T1 / factor + 3 * near), near + 1, maxVal);
            t2 = clamp(Math.max(3, BASIC_T2 / factor + 5 * near), t1, maxVal);
            t3 = clamp(Math.max(4, BASIC_T3 / factor + 7 * near), t2, maxVal);
        }
        return new int[] {t1, t2, t3};
    }

    private static int clamp(int i, int j, int maxVal) {
        return (i > maxVal || i < j) ? j : i;
    }

    /** A.2.1: RANGE = floor((MAXVAL + 2 NEAR) / (2 NEAR + 1)) + 1. */
    int range() {
        return (maxVal + 2 * near) / (2 * near + 1) + 1;
    }

    /** A.2.1: qbpp = ceil(log2(RANGE)). */
    int qbpp() {
        return ceilLog2(range());
    }

    /** A.2.1: LIMIT = 2 (bpp + max(8, bpp)), bpp = max(2, ceil(log2(MAXVAL + 1))). */
    int limit() {
        int bpp = Math.max(2, ceilLog2(maxVal + 1));
        return 2 * (bpp + Math.max(8, bpp));
    }

    private static int ceilLog2(int v) {
        int n = 0;
        while ((1L << n) < v) {
            n++;
        }
        return n;
    }
}
