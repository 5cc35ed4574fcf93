package org.strata.dicom.imageio.jpeg;

/**
 * YCbCr (full range, PS3.3 C.7.6.3.1.2 YBR_FULL, the JFIF equations) to RGB, in the fixed-point
 * form with 16 fraction bits and rounding that IJG libjpeg (and so DCMTK) uses.
 */
final class YbrToRgb {

    private static final int SCALE = 16;
    private static final int HALF = 1 << (SCALE - 1);
    private static final int CR_R = fix(1.40200);
    private static final int CB_B = fix(1.77200);
    private static final int CR_G = fix(0.71414);
    private static final int CB_G = fix(0.34414);

    private YbrToRgb() {
    }

    private static int fix(double x) {
        return (int) (x * (1L << SCALE) + 0.5);
    }

    static void convert(int[][] comps) {
        int[] y = comps[0];
        int[] cb = comps[1];
        int[] cr = comps[2];
        for (int i = 0; i < y.length; i++) {
            int yy = y[i];
            int b = cb[i] - 128;
            int r = cr[i] - 128;
            comps[0][i] = clamp(yy + ((CR_R * r + HALF) >> SCALE));
            comps[1][i] = clamp(yy + ((-CB_G * b - CR_G * r + HALF) >> SCALE));
            comps[2][i] = clamp(yy + ((CB_B * b + HALF) >> SCALE));
        }
    }

    /** The forward JFIF transform (YBR_FULL, PS3.3 C.7.6.3.1.2), rounded to nearest. */
    static void fromRgb(int[][] comps) {
        int[] r = comps[0];
        int[] g = comps[1];
        int[] b = comps[2];
        for (int i = 0; i < r.length; i++) {
            double rr = r[i];
            double gg = g[i];
            double bb = b[i];
            r[i] = clamp((int) Math.round(0.299 * rr + 0.587 * gg + 0.114 * bb));
            g[i] = clamp((int) Math.round(-0.168736 * rr - 0.331264 * gg + 0.5 * bb + 128));
            b[i] = clamp((int) Math.round(0.5 * rr - 0.418688 * gg - 0.081312 * bb + 128));
        }
    }

    private static int clamp(int v) {
        return v < 0 ? 0 : Math.min(255, v);
    }
}
