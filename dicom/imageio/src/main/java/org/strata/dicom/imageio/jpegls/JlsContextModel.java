package org.strata.dicom.imageio.jpegls;

/**
 * The adaptive state of a JPEG-LS scan: the 365 regular-mode contexts (A, B, C, N of T.87 A.2.2;
 * indexed here by the sign-normalised quantised gradients), the two run-interruption contexts
 * (A.7.2) and the Golomb parameter, error mapping and update rules built on them.
 */
final class JlsContextModel {

    /**
     * Index of the sign-normalised gradient triple (A.3.4: its first non-zero member positive):
     * 81 Q1 + 9 Q2 + Q3, 0..364. The same sum taken before normalisation has the sign of the first
     * non-zero member, so its absolute value is the index and its sign the SIGN of A.3.4.
     */
    static final int REGULAR_CONTEXTS = 365;
    static final int MIN_C = -128;
    static final int MAX_C = 127;

    private final int near;
    private final int range;
    private final int reset;
    /** A, B, C and N of each regular context side by side (one cache line per context): A at 4 Q. */
    private final int[] s = new int[4 * REGULAR_CONTEXTS];
    private final int[] riA = new int[2];
    private final int[] riN = new int[2];
    private final int[] riNn = new int[2];

    JlsContextModel(JlsParameters p) {
        this.near = p.near();
        this.range = p.range();
        this.reset = p.reset();
        int a0 = Math.max(2, (range + 32) / 64);     // A.2.2 initialisation
        for (int q = 0; q < REGULAR_CONTEXTS; q++) {
            s[4 * q] = a0;
            s[4 * q + 3] = 1;
        }
        java.util.Arrays.fill(riA, a0);
        java.util.Arrays.fill(riN, 1);
    }

    /**
     * A, B, C and N of every regular context, at 4 Q to 4 Q + 3: the lossless decoding loop of
     * {@link JlsScanCoder} reads and updates them in place (the same rules as {@link #update}).
     */
    int[] regularState() {
        return s;
    }

    int reset() {
        return reset;
    }

    static int index(int q1, int q2, int q3) {
        return q1 * 81 + q2 * 9 + q3;
    }

    int correction(int ctx) {
        return s[4 * ctx + 2];
    }

    /** A.5.1: the smallest k with N[Q] 2^k >= A[Q]. */
    int golombK(int ctx) {
        int nq = s[4 * ctx + 3];
        int aq = s[4 * ctx];
        if (nq >= aq) {
            return 0;
        }
        // N << k0 has the top bit of A; one more doubling is needed when it is still below A
        int k = Integer.numberOfLeadingZeros(nq) - Integer.numberOfLeadingZeros(aq);
        return (nq << k) < aq ? k + 1 : k;
    }

    private boolean specialMapping(int ctx, int k) {
        return near == 0 && k == 0 && 2 * s[4 * ctx + 1] <= -s[4 * ctx + 3];
    }

    /** A.5.2: Errval to MErrval. */
    int mapError(int ctx, int k, int err) {
        if (specialMapping(ctx, k)) {
            return err >= 0 ? 2 * err + 1 : -2 * (err + 1);
        }
        return err >= 0 ? 2 * err : -2 * err - 1;
    }

    /** Inverse of {@link #mapError}. */
    int unmapError(int ctx, int k, int m) {
        if (specialMapping(ctx, k)) {
            return (m & 1) != 0 ? (m - 1) >> 1 : -(m >> 1) - 1;
        }
        return (m & 1) == 0 ? m >> 1 : -((m + 1) >> 1);
    }

    /** A.6.1 and A.6.2: update A, B, N and the bias correction C. */
    void update(int ctx, int err) {
        int i = 4 * ctx;
        int aq = s[i] + Math.abs(err);
        int bq = s[i + 1] + err * (2 * near + 1);
        int cq = s[i + 2];
        int nq = s[i + 3];
        if (nq == reset) {
            aq >>= 1;
            bq >>= 1;
            nq >>= 1;
        }
        nq++;
        if (bq <= -nq) {
            bq += nq;
            if (cq > MIN_C) {
                cq--;
            }
            if (bq <= -nq) {
                bq = -nq + 1;
            }
        } else if (bq > 0) {
            bq -= nq;
            if (cq < MAX_C) {
                cq++;
            }
            if (bq > 0) {
                bq = 0;
            }
        }
        s[i] = aq;
        s[i + 1] = bq;
        s[i + 2] = cq;
        s[i + 3] = nq;
    }

    /** A.7.2.1: Golomb parameter of run-interruption context {@code riType}. */
    int runInterruptionK(int riType) {
        int temp = riType == 0 ? riA[0] : riA[1] + (riN[1] >> 1);
        int k = 0;
        while ((riN[riType] << k) < temp) {
            k++;
        }
        return k;
    }

    /** A.7.2.1: EMErrval of a run-interruption error. */
    int mapRunInterruption(int riType, int k, int err) {
        boolean map = (k == 0 && err > 0 && 2 * riNn[riType] < riN[riType])
                || (err < 0 && 2 * riNn[riType] >= riN[riType])
                || (err < 0 && k != 0);
        return 2 * Math.abs(err) - riType - (map ? 1 : 0);
    }

    /** Inverse of {@link #mapRunInterruption}. */
    int unmapRunInterruption(int riType, int k, int em) {
        int t = em + riType;
        int map = t & 1;
        int abs = (t + map) >> 1;
        boolean negative = (k != 0 || 2 * riNn[riType] >= riN[riType]) == (map == 1);
        return negative ? -abs : abs;
    }

    /** A.7.2.2: update of the run-interruption context. */
    void updateRunInterruption(int riType, int err, int em) {
        if (err < 0) {
            riNn[riType]++;
        }
        riA[riType] += (em + 1 - riType) >> 1;
        if (riN[riType] == reset) {
            riA[riType] >>= 1;
            riN[riType] >>= 1;
            riNn[riType] >>= 1;
        }
        riN[riType]++;
    }
}
