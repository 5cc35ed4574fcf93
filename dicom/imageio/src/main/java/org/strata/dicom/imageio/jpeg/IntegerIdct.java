package org.strata.dicom.imageio.jpeg;

/**
 * The 8x8 inverse DCT of T.81 A.3.3 in scaled integer arithmetic: the Loeffler-Ligtenberg-Moschytz
 * factorisation with 13 fraction bits that IJG libjpeg calls "islow", which DCMTK uses. Implemented
 * from the published algorithm so our 12-bit output matches DCMTK's sample for sample.
 */
final class IntegerIdct {

    private static final int CONST_BITS = 13;
    private static final long FIX_0_298631336 = 2446;
    private static final long FIX_0_390180644 = 3196;
    private static final long FIX_0_541196100 = 4433;
    private static final long FIX_0_765366865 = 6270;
    private static final long FIX_0_899976223 = 7373;
    private static final long FIX_1_175875602 = 9633;
    private static final long FIX_1_501321110 = 12299;
    private static final long FIX_1_847759065 = 15137;
    private static final long FIX_1_961570560 = 16069;
    private static final long FIX_2_053119869 = 16819;
    private static final long FIX_2_562915447 = 20995;
    private static final long FIX_3_072711026 = 25172;

    private IntegerIdct() {
    }

    /**
     * Transforms dequantised coefficients (natural order) into level-shifted, clamped samples.
     */
    static void inverse(int[] coef, int precision, int[] out) {
        int pass1 = precision == 8 ? 2 : 1;
        long[] ws = new long[64];
        long[] v = new long[8];
        long[] r = new long[8];
        for (int col = 0; col < 8; col++) {
            for (int k = 0; k < 8; k++) {
                v[k] = coef[k * 8 + col];
            }
            butterfly(v, r, CONST_BITS - pass1);
            for (int k = 0; k < 8; k++) {
                ws[k * 8 + col] = r[k];
            }
        }
        int center = 1 << (precision - 1);
        int max = (1 << precision) - 1;
        for (int row = 0; row < 8; row++) {
            System.arraycopy(ws, row * 8, v, 0, 8);
            butterfly(v, r, CONST_BITS + pass1 + 3);
            for (int k = 0; k < 8; k++) {
                long s = r[k] + center;
                out[row * 8 + k] = (int) (s < 0 ? 0 : Math.min(max, s));
            }
        }
    }

    /** One 8-point inverse transform of {@code in} into {@code out}, descaled by {@code shift} bits. */
    private static void butterfly(long[] in, long[] out, int shift) {
        // even part
        long z2 = in[2];
        long z3 = in[6];
        long z1 = (z2 + z3) * FIX_0_541196100;
        long tmp2 = z1 - z3 * FIX_1_847759065;
        long tmp3 = z1 + z2 * FIX_0_765366865;
        long tmp0 = (in[0] + in[4]) << CONST_BITS;
        long tmp1 = (in[0] - in[4]) << CONST_BITS;
        long tmp10 = tmp0 + tmp3;
        long tmp13 = tmp0 - tmp3;
        long tmp11 = tmp1 + tmp2;
        long tmp12 = tmp1 - tmp2;
        // odd part
        tmp0 = in[7];
        tmp1 = in[5];
        tmp2 = in[3];
        tmp3 = in[1];
        z1 = tmp0 + tmp3;
        z2 = tmp1 + tmp2;
        z3 = tmp0 + tmp2;
        long z4 = tmp1 + tmp3;
        long z5 = (z3 + z4) * FIX_1_175875602;
        tmp0 *= FIX_0_298631336;
        tmp1 *= FIX_2_053119869;
        tmp2 *= FIX_3_072711026;
        tmp3 *= FIX_1_501321110;
        z1 *= -FIX_0_899976223;
        z2 *= -FIX_2_562915447;
        z3 = z3 * -FIX_1_961570560 + z5;
        z4 = z4 * -FIX_0_390180644 + z5;
        tmp0 += z1 + z3;
        tmp1 += z2 + z4;
        tmp2 += z2 + z3;
        tmp3 += z1 + z4;
        long round = 1L << (shift - 1);
        out[0] = (tmp10 + tmp3 + round) >> shift;
        out[7] = (tmp10 - tmp3 + round) >> shift;
        out[1] = (tmp11 + tmp2 + round) >> shift;
        out[6] = (tmp11 - tmp2 + round) >> shift;
        out[2] = (tmp12 + tmp1 + round) >> shift;
        out[5] = (tmp12 - tmp1 + round) >> shift;
        out[3] = (tmp13 + tmp0 + round) >> shift;
        out[4] = (tmp13 - tmp0 + round) >> shift;
    }
}
