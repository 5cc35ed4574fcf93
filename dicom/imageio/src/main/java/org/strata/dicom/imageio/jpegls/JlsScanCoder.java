package org.strata.dicom.imageio.jpegls;

import org.strata.dicom.imageio.PixelDataException;

/**
 * Codes one JPEG-LS scan (T.87 Annex A, and Annex B for interleaving). The same code path encodes
 * (reading samples, writing bits) and decodes (reading bits, writing samples), so both directions
 * keep exactly the same context state.
 */
final class JlsScanCoder {

    /** A.7.1.1: the run-length order table J. */
    private static final int[] J = {0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 9,
        10, 11, 12, 13, 14, 15};

    private final JlsParameters p;
    private final JlsContextModel model;
    private final JlsBitReader in;
    private final JlsBitWriter out;
    private final int width;
    private final int height;
    private final int near;
    private final int maxVal;
    private final int range;
    private final int qbpp;
    private final int limit;
    private final int[] runIndex = new int[4];
    /** A.3.3 quantisation of every gradient -MAXVAL..MAXVAL, at index gradient + MAXVAL. */
    private final byte[] quantized;
    /** The same times 81 and times 9: the signed context sum of a gradient triple in three look-ups. */
    private final int[] quantized81;
    private final int[] quantized9;

    private JlsScanCoder(JlsParameters p, int width, int height, JlsBitReader in, JlsBitWriter out) {
        this.p = p;
        this.model = new JlsContextModel(p);
        this.in = in;
        this.out = out;
        this.width = width;
        this.height = height;
        this.near = p.near();
        this.maxVal = p.maxVal();
        this.range = p.range();
        this.qbpp = p.qbpp();
        this.limit = p.limit();
        this.quantized = QuantizationTable.of(p);
        this.quantized81 = new int[quantized.length];
        this.quantized9 = new int[quantized.length];
        for (int i = 0; i < quantized.length; i++) {
            quantized81[i] = 81 * quantized[i];
            quantized9[i] = 9 * quantized[i];
        }
    }

    static JlsScanCoder decoder(JlsParameters p, int width, int height, JlsBitReader in) {
        return new JlsScanCoder(p, width, height, in, null);
    }

    static JlsScanCoder encoder(JlsParameters p, int width, int height, JlsBitWriter out) {
        return new JlsScanCoder(p, width, height, null, out);
    }

    private boolean encoding() {
        return out != null;
    }

    /**
     * Codes the planes of the scan's components. {@code ilv} is the interleave mode of the SOS:
     * 0 (one component), 1 (line interleaved, B.3) or 2 (sample interleaved, B.3).
     */
    void code(int[][] planes, int ilv) {
        int nc = planes.length;
        if (ilv == 0 && nc != 1) {
            throw new PixelDataException("JPEG-LS: ILV 0 scan with " + nc + " components");
        }
        int[][] prev = new int[nc][width + 2];
        int[][] cur = new int[nc][width + 2];
        for (int y = 0; y < height; y++) {
            for (int c = 0; c < nc; c++) {
                cur[c][0] = prev[c][1];               // A.2.1: Ra (and next line's Rc) at the line start
                prev[c][width + 1] = prev[c][width];   // Rd at the line end
                if (!encoding()) {
                    continue;
                }
                System.arraycopy(planes[c], y * width, cur[c], 1, width);
            }
            if (ilv == 2) {
                codeLineSampleInterleaved(planes, prev, cur);
            } else if (!encoding() && near == 0) {
                for (int c = 0; c < nc; c++) {
                    decodeLineLossless(prev[c], cur[c], c);
                }
            } else {
                for (int c = 0; c < nc; c++) {
                    codeLine(planes[c], prev[c], cur[c], c);
                }
            }
            for (int c = 0; c < nc; c++) {
                if (!encoding()) {
                    System.arraycopy(cur[c], 1, planes[c], y * width, width);
                }
                int[] t = prev[c];
                prev[c] = cur[c];
                cur[c] = t;
            }
        }
    }

    /** One line of one component; when encoding, cur[1..width] holds the source samples. */
    private void codeLine(int[] plane, int[] prev, int[] cur, int comp) {
        int x = 0;
        while (x < width) {
            int ra = cur[x];
            int rb = prev[x + 1];
            int rc = prev[x];
            int rd = prev[x + 2];
            int d1 = rd - rb;
            int d2 = rb - rc;
            int d3 = rc - ra;
            if (Math.abs(d1) <= near && Math.abs(d2) <= near && Math.abs(d3) <= near) {
                x = runMode(prev, cur, x, comp);
            } else {
                cur[x + 1] = regular(d1, d2, d3, ra, rb, rc, cur[x + 1]);
                x++;
            }
        }
    }

    /**
     * {@link #codeLine} for the hot case, decoding with NEAR = 0 (lossless): the same steps of
     * A.3 to A.6 in one loop, with the neighbours, the bit buffer and the context state in locals.
     * The context comes from three table look-ups (the signed sum 81 Q1 + 9 Q2 + Q3 is the context
     * index with the SIGN of A.3.4, see {@link JlsContextModel#REGULAR_CONTEXTS}); the predictor of
     * A.4.1 is the median of Ra, Rb and Ra + Rb - Rc; the error mapping of A.5.2 is inverted
     * without branches.
     */
    private void decodeLineLossless(int[] prev, int[] cur, int comp) {
        final int mv = maxVal;
        final int rng = range;
        final int maxPrefix = limit - qbpp - 1;
        final int rst = model.reset();
        final byte[] qt = quantized;
        final int[] s = model.regularState();
        final JlsBitReader bits = in;
        final int w = width;
        long buf = bits.buf;
        int cnt = bits.cnt;
        int ra = cur[0];
        int rc = prev[0];
        int rb = prev[1];
        int q2 = qt[rb - rc + mv];                                       // Q2 of this sample: Q1 of the last
        int x = 0;
        while (x < w) {
            int rd = prev[x + 2];
            int q1 = qt[rd - rb + mv];
            int q = 81 * q1 + 9 * q2 + qt[rc - ra + mv];
            if (q == 0) {                                                // A.7.1 run mode: D1 = D2 = D3 = 0
                bits.buf = buf;
                bits.cnt = cnt;
                x = runMode(prev, cur, x, comp);
                buf = bits.buf;
                cnt = bits.cnt;
                if (x < w) {
                    ra = cur[x];
                    rc = prev[x];
                    rb = prev[x + 1];
                    q2 = qt[rb - rc + mv];
                }
                continue;
            }
            int sign = q >> 31;                                          // 0 or -1
            int i = ((q ^ sign) - sign) << 2;
            int aq = s[i];
            int bq = s[i + 1];
            int cq = s[i + 2];
            int nq = s[i + 3];
            int px = Math.max(Math.min(ra, rb), Math.min(Math.max(ra, rb), ra + rb - rc));
            px += (cq ^ sign) - sign;                                    // A.4.2
            px = Math.max(0, Math.min(mv, px));
            int k = Math.max(0, Integer.numberOfLeadingZeros(nq) - Integer.numberOfLeadingZeros(aq));
            k += ((nq << k) - aq) >>> 31;                                // A.5.1: least k with N 2^k >= A
            if (cnt < 32) {
                bits.buf = buf;
                bits.cnt = cnt;
                bits.fill();
                buf = bits.buf;
                cnt = bits.cnt;
            }
            int lead = Long.numberOfLeadingZeros(buf);
            int m;
            if (lead < maxPrefix && lead + 1 + k <= cnt) {               // A.5.3, the whole code buffered
                long b = (buf << lead) << 1;
                m = (lead << k) | (int) ((b >>> 1) >>> (63 - k));
                buf = b << k;
                cnt -= lead + 1 + k;
            } else {
                bits.buf = buf;
                bits.cnt = cnt;
                m = bits.readGolombSlowly(k, maxPrefix, qbpp);
                buf = bits.buf;
                cnt = bits.cnt;
            }
            int special = k == 0 && 2 * bq <= -nq ? -1 : 0;              // A.5.2 inverted
            int err = (m >>> 1) ^ (-(m & 1) ^ special);
            aq += Math.abs(err);                                         // A.6.1
            bq += err;
            if (nq == rst) {
                aq >>= 1;
                bq >>= 1;
                nq >>= 1;
            }
            nq++;
            if (bq <= -nq) {                                             // A.6.2
                bq += nq;
                if (cq > JlsContextModel.MIN_C) {
                    cq--;
                }
                if (bq <= -nq) {
                    bq = -nq + 1;
                }
            } else if (bq > 0) {
                bq -= nq;
                if (cq < JlsContextModel.MAX_C) {
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
            int rx = px + ((err ^ sign) - sign);                         // A.4.5 modulo RANGE
            if (rx < 0) {
                rx += rng;
            } else if (rx > mv) {
                rx -= rng;
            }
            rx = Math.max(0, Math.min(mv, rx));
            cur[x + 1] = rx;
            ra = rx;
            rc = rb;
            rb = rd;
            q2 = q1;
            x++;
        }
        bits.buf = buf;
        bits.cnt = cnt;
    }

    /** A.7.1 run mode followed by A.7.2 run interruption; returns the next column. */
    private int runMode(int[] prev, int[] cur, int x, int comp) {
        int ra = cur[x];
        int remaining = width - x;
        int run;
        if (encoding()) {
            run = 0;
            while (run < remaining && Math.abs(cur[x + 1 + run] - ra) <= near) {
                run++;
            }
            encodeRun(run, run == remaining, comp);
        } else {
            run = decodeRun(remaining, comp);
        }
        for (int i = 0; i < run; i++) {
            cur[x + 1 + i] = ra;
        }
        x += run;
        if (x == width) {
            return x;
        }
        int rb = prev[x + 1];
        int riType = Math.abs(ra - rb) <= near ? 1 : 0;
        cur[x + 1] = runInterruption(riType, ra, rb, cur[x + 1], comp);
        if (runIndex[comp] > 0) {
            runIndex[comp]--;
        }
        return x + 1;
    }

    /** B.3 with ILV = 2: run mode only when all components qualify; one shared run index. */
    private void codeLineSampleInterleaved(int[][] planes, int[][] prev, int[][] cur) {
        int nc = planes.length;
        int x = 0;
        while (x < width) {
            boolean run = true;
            for (int c = 0; c < nc && run; c++) {
                int[] pv = prev[c];
                int ra = cur[c][x];
                run = Math.abs(pv[x + 2] - pv[x + 1]) <= near && Math.abs(pv[x + 1] - pv[x]) <= near
                        && Math.abs(pv[x] - ra) <= near;
            }
            if (!run) {
                for (int c = 0; c < nc; c++) {
                    int[] pv = prev[c];
                    int ra = cur[c][x];
                    cur[c][x + 1] = regular(pv[x + 2] - pv[x + 1], pv[x + 1] - pv[x], pv[x] - ra, ra, pv[x + 1],
                            pv[x], cur[c][x + 1]);
                }
                x++;
                continue;
            }
            int remaining = width - x;
            int len;
            if (encoding()) {
                len = 0;
                while (len < remaining && allNear(cur, x + 1 + len, x)) {
                    len++;
                }
                encodeRun(len, len == remaining, 0);
            } else {
                len = decodeRun(remaining, 0);
            }
            for (int c = 0; c < nc; c++) {
                for (int i = 0; i < len; i++) {
                    cur[c][x + 1 + i] = cur[c][x];
                }
            }
            x += len;
            if (x == width) {
                return;
            }
            for (int c = 0; c < nc; c++) {                // run interruption: RItype 0 for every component
                cur[c][x + 1] = runInterruption(0, cur[c][x], prev[c][x + 1], cur[c][x + 1], 0);
            }
            if (runIndex[0] > 0) {
                runIndex[0]--;
            }
            x++;
        }
    }

    private boolean allNear(int[][] cur, int pos, int raPos) {
        for (int[] line : cur) {
            if (Math.abs(line[pos] - line[raPos]) > near) {
                return false;
            }
        }
        return true;
    }

    /** A.3.3 gradient quantisation (by table: gradients of samples within 0..MAXVAL). */
    private int quantize(int d) {
        int i = d + maxVal;
        return i >= 0 && i < quantized.length ? quantized[i] : QuantizationTable.quantize(d, p);
    }

    /** A.3 to A.6: one sample in regular mode; {@code ix} is the source sample when encoding. */
    private int regular(int d1, int d2, int d3, int ra, int rb, int rc, int ix) {
        int q1 = quantize(d1);
        int q2 = quantize(d2);
        int q3 = quantize(d3);
        int sign = 1;
        if (q1 < 0 || (q1 == 0 && (q2 < 0 || (q2 == 0 && q3 < 0)))) {   // A.3.4
            sign = -1;
            q1 = -q1;
            q2 = -q2;
            q3 = -q3;
        }
        int ctx = JlsContextModel.index(q1, q2, q3);
        int px;                                                          // A.4.1 edge-detecting predictor
        if (rc >= Math.max(ra, rb)) {
            px = Math.min(ra, rb);
        } else if (rc <= Math.min(ra, rb)) {
            px = Math.max(ra, rb);
        } else {
            px = ra + rb - rc;
        }
        px += sign * model.correction(ctx);                              // A.4.2
        px = Math.max(0, Math.min(maxVal, px));
        int k = model.golombK(ctx);
        int err;
        if (encoding()) {
            err = reduce(sign * (ix - px));
            writeGolomb(model.mapError(ctx, k, err), k, limit);
        } else {
            err = model.unmapError(ctx, k, readGolomb(k, limit));
        }
        model.update(ctx, err);
        return reconstruct(px, sign * err);
    }

    /** A.7.2: the sample that ends a run before the end of the line. */
    private int runInterruption(int riType, int ra, int rb, int ix, int comp) {
        int px = riType == 1 ? ra : rb;
        int sign = (riType == 0 && ra > rb) ? -1 : 1;
        int k = model.runInterruptionK(riType);
        int glimit = limit - J[runIndex[comp]] - 1;
        int err;
        int em;
        if (encoding()) {
            err = reduce(sign * (ix - px));
            em = model.mapRunInterruption(riType, k, err);
            writeGolomb(em, k, glimit);
        } else {
            em = readGolomb(k, glimit);
            err = model.unmapRunInterruption(riType, k, em);
        }
        model.updateRunInterruption(riType, err, em);
        return reconstruct(px, sign * err);
    }

    /** A.4.4 quantisation for NEAR > 0 and A.4.5 modulo reduction of a prediction error. */
    private int reduce(int err) {
        if (near > 0) {
            err = err > 0 ? (err + near) / (2 * near + 1) : -((near - err) / (2 * near + 1));
        }
        if (err < 0) {
            err += range;
        }
        if (err >= (range + 1) / 2) {
            err -= range;
        }
        return err;
    }

    /** Reconstructed value from prediction and signed, quantised error (A.4.4 and its inverse). */
    private int reconstruct(int px, int signedErr) {
        int rx = px + signedErr * (2 * near + 1);
        if (rx < -near) {
            rx += range * (2 * near + 1);
        } else if (rx > maxVal + near) {
            rx -= range * (2 * near + 1);
        }
        return Math.max(0, Math.min(maxVal, rx));
    }

    /** A.7.1.2: run length coding with the adaptive index. */
    private void encodeRun(int run, boolean endOfLine, int comp) {
        while (run >= (1 << J[runIndex[comp]])) {
            out.writeBit(1);
            run -= 1 << J[runIndex[comp]];
            if (runIndex[comp] < 31) {
                runIndex[comp]++;
            }
        }
        if (endOfLine) {
            if (run > 0) {
                out.writeBit(1);
            }
        } else {
            out.writeBit(0);
            out.writeBits(run, J[runIndex[comp]]);
        }
    }

    private int decodeRun(int remaining, int comp) {
        int run = 0;
        while (in.readBit() == 1) {
            int chunk = 1 << J[runIndex[comp]];
            int count = Math.min(chunk, remaining - run);
            run += count;
            if (count == chunk && runIndex[comp] < 31) {
                runIndex[comp]++;
            }
            if (run == remaining) {
                return run;
            }
        }
        run += in.readBits(J[runIndex[comp]]);
        if (run >= remaining) {
            throw new PixelDataException("JPEG-LS: run of " + run + " exceeds the line (" + remaining + " left)");
        }
        return run;
    }

    /** A.5.3 limited-length Golomb code LG(k, glimit). */
    private void writeGolomb(int value, int k, int glimit) {
        int high = value >>> k;
        if (high < glimit - qbpp - 1) {
            out.writeZeros(high);
            out.writeBit(1);
            out.writeBits(value & ((1 << k) - 1), k);
        } else {
            out.writeZeros(glimit - qbpp - 1);
            out.writeBit(1);
            out.writeBits(value - 1, qbpp);
        }
    }

    private int readGolomb(int k, int glimit) {
        return in.readGolomb(k, glimit - qbpp - 1, qbpp);
    }
}
