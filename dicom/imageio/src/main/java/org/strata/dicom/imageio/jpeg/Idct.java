package org.strata.dicom.imageio.jpeg;

/**
 * The 8x8 inverse DCT of T.81 A.3.3, computed separably in double precision and rounded once:
 * within the accuracy T.83 demands of a decoder, not bit-identical to IJG's integer IDCT.
 */
final class Idct {

    private static final double[][] BASIS = new double[8][8];

    static {
        for (int x = 0; x < 8; x++) {
            for (int u = 0; u < 8; u++) {
                double cu = u == 0 ? Math.sqrt(0.5) : 1.0;
                BASIS[x][u] = cu * Math.cos((2 * x + 1) * u * Math.PI / 16) / 2;
            }
        }
    }

    private Idct() {
    }

    /**
     * Transforms dequantised coefficients (natural order) into samples with the level shift of
     * A.3.1 undone and clamped to 0..2^precision - 1.
     */
    static void inverse(int[] coef, int precision, int[] out) {
        double[] tmp = new double[64];
        for (int v = 0; v < 8; v++) {              // rows: over u for each x
            for (int x = 0; x < 8; x++) {
                double s = 0;
                for (int u = 0; u < 8; u++) {
                    s += BASIS[x][u] * coef[v * 8 + u];
                }
                tmp[v * 8 + x] = s;
            }
        }
        int shift = 1 << (precision - 1);
        int max = (1 << precision) - 1;
        for (int x = 0; x < 8; x++) {              // columns: over v for each y
            for (int y = 0; y < 8; y++) {
                double s = 0;
                for (int v = 0; v < 8; v++) {
                    s += BASIS[y][v] * tmp[v * 8 + x];
                }
                int sample = (int) Math.round(s) + shift;
                out[y * 8 + x] = sample < 0 ? 0 : Math.min(max, sample);
            }
        }
    }
}
