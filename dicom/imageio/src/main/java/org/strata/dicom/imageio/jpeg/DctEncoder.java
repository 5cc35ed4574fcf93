package org.strata.dicom.imageio.jpeg;

import java.io.ByteArrayOutputStream;

/**
 * Sequential DCT, Huffman-coded JPEG encoder (T.81 processes 1 and 4): 8-bit (SOF0) or 12-bit
 * (SOF1), no subsampling, the Annex K.1 quantisation tables scaled by a quality factor and Huffman
 * tables optimised for the frame (Annex K.2).
 */
final class DctEncoder {

    /** T.81 Table K.1 and K.2, natural order. */
    private static final int[] LUMINANCE = {16, 11, 10, 16, 24, 40, 51, 61, 12, 12, 14, 19, 26, 58, 60, 55, 14, 13,
        16, 24, 40, 57, 69, 56, 14, 17, 22, 29, 51, 87, 80, 62, 18, 22, 37, 56, 68, 109, 103, 77, 24, 35, 55, 64, 81,
        104, 113, 92, 49, 64, 78, 87, 103, 121, 120, 101, 72, 92, 95, 98, 112, 100, 103, 99};
    private static final int[] CHROMINANCE = {17, 18, 24, 47, 99, 99, 99, 99, 18, 21, 26, 66, 99, 99, 99, 99, 24, 26,
        56, 99, 99, 99, 99, 99, 47, 66, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99,
        99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99};
    private static final double[][] COS = new double[8][8];

    static {
        for (int x = 0; x < 8; x++) {
            for (int u = 0; u < 8; u++) {
                COS[x][u] = (u == 0 ? Math.sqrt(0.5) : 1.0) * Math.cos((2 * x + 1) * u * Math.PI / 16) / 2;
            }
        }
    }

    private final int quality;

    DctEncoder(int quality) {
        this.quality = quality;
    }

    byte[] encode(int[][] planes, int rows, int columns, int precision) {
        int nc = planes.length;
        int[][] q = {scale(LUMINANCE), scale(CHROMINANCE)};
        int bx = (columns + 7) / 8;
        int by = (rows + 7) / 8;
        int[][][] blocks = new int[nc][bx * by][];             // quantised coefficients, natural order
        long[][] dcFreq = new long[2][256];
        long[][] acFreq = new long[2][256];
        int[] block = new int[64];
        for (int c = 0; c < nc; c++) {
            int t = c == 0 ? 0 : 1;
            int pred = 0;
            for (int b = 0; b < bx * by; b++) {
                load(planes[c], rows, columns, b % bx, b / bx, precision, block);
                int[] coef = forward(block, q[t]);
                blocks[c][b] = coef;
                dcFreq[t][LosslessPredictor.category(coef[0] - pred)]++;
                pred = coef[0];
                countAc(coef, acFreq[t]);
            }
        }
        int tables = nc == 1 ? 1 : 2;
        HuffmanTable[] dc = new HuffmanTable[tables];
        HuffmanTable[] ac = new HuffmanTable[tables];
        for (int t = 0; t < tables; t++) {
            dc[t] = HuffmanTable.optimal(dcFreq[t]);
            ac[t] = HuffmanTable.optimal(acFreq[t]);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(rows * columns / 4 + 1024);
        JpegSegments.marker(out, JpegMarkers.SOI);
        for (int t = 0; t < tables; t++) {
            JpegSegments.marker(out, 0xDB);                     // B.2.4.1 DQT, 8-bit entries in zig-zag order
            JpegSegments.u16(out, 2 + 65);
            out.write(t);
            for (int k = 0; k < 64; k++) {
                out.write(q[t][JpegSegments.ZIGZAG[k]]);
            }
        }
        JpegSegments.marker(out, precision == 8 ? 0xC0 : 0xC1);
        JpegSegments.u16(out, 8 + 3 * nc);
        out.write(precision);
        JpegSegments.u16(out, rows);
        JpegSegments.u16(out, columns);
        out.write(nc);
        for (int c = 0; c < nc; c++) {
            out.write(c + 1);
            out.write(0x11);
            out.write(c == 0 ? 0 : 1);
        }
        for (int t = 0; t < tables; t++) {
            JpegSegments.writeTable(out, 0x00 | t, dc[t]);
            JpegSegments.writeTable(out, 0x10 | t, ac[t]);
        }
        JpegSegments.marker(out, JpegMarkers.SOS);
        JpegSegments.u16(out, 6 + 2 * nc);
        out.write(nc);
        for (int c = 0; c < nc; c++) {
            out.write(c + 1);
            int t = c == 0 ? 0 : 1;
            out.write(t << 4 | t);
        }
        out.write(0);
        out.write(63);
        out.write(0);
        JpegBitWriter bits = new JpegBitWriter(out);
        int[] pred = new int[nc];
        for (int b = 0; b < bx * by; b++) {                     // interleaved MCUs of one block per component
            for (int c = 0; c < nc; c++) {
                int t = c == 0 ? 0 : 1;
                int[] coef = blocks[c][b];
                writeValue(bits, dc[t], coef[0] - pred[c]);
                pred[c] = coef[0];
                writeAc(bits, ac[t], coef);
            }
        }
        bits.flush();
        JpegSegments.marker(out, JpegMarkers.EOI);
        return out.toByteArray();
    }

    /** The IJG convention for scaling the Annex K tables by a 1..100 quality. */
    private int[] scale(int[] base) {
        int s = quality < 50 ? 5000 / quality : 200 - 2 * quality;
        int[] q = new int[64];
        for (int i = 0; i < 64; i++) {
            q[i] = Math.max(1, Math.min(255, (base[i] * s + 50) / 100));
        }
        return q;
    }

    /** One 8x8 block, edges replicated, level shifted (A.3.1). */
    private static void load(int[] plane, int rows, int columns, int bx, int by, int precision, int[] block) {
        int shift = 1 << (precision - 1);
        for (int y = 0; y < 8; y++) {
            int row = Math.min(rows - 1, by * 8 + y);
            for (int x = 0; x < 8; x++) {
                int col = Math.min(columns - 1, bx * 8 + x);
                block[y * 8 + x] = plane[row * columns + col] - shift;
            }
        }
    }

    /** A.3.3 FDCT and quantisation (rounded to nearest). */
    private static int[] forward(int[] block, int[] q) {
        double[] tmp = new double[64];
        for (int y = 0; y < 8; y++) {
            for (int u = 0; u < 8; u++) {
                double s = 0;
                for (int x = 0; x < 8; x++) {
                    s += COS[x][u] * block[y * 8 + x];
                }
                tmp[y * 8 + u] = s;
            }
        }
        int[] coef = new int[64];
        for (int u = 0; u < 8; u++) {
            for (int v = 0; v < 8; v++) {
                double s = 0;
                for (int y = 0; y < 8; y++) {
                    s += COS[y][v] * tmp[y * 8 + u];
                }
                coef[v * 8 + u] = (int) Math.round(s / q[v * 8 + u]);
            }
        }
        return coef;
    }

    private static void countAc(int[] coef, long[] freq) {
        int run = 0;
        for (int k = 1; k < 64; k++) {
            int v = coef[JpegSegments.ZIGZAG[k]];
            if (v == 0) {
                run++;
                continue;
            }
            while (run > 15) {
                freq[0xF0]++;
                run -= 16;
            }
            freq[(run << 4) | LosslessPredictor.category(v)]++;
            run = 0;
        }
        if (run > 0) {
            freq[0x00]++;
        }
    }

    /** F.1.2.2: run lengths, ZRL and EOB. */
    private static void writeAc(JpegBitWriter bits, HuffmanTable table, int[] coef) {
        int run = 0;
        for (int k = 1; k < 64; k++) {
            int v = coef[JpegSegments.ZIGZAG[k]];
            if (v == 0) {
                run++;
                continue;
            }
            while (run > 15) {
                table.encode(0xF0, bits);
                run -= 16;
            }
            int s = LosslessPredictor.category(v);
            table.encode((run << 4) | s, bits);
            bits.writeBits(v > 0 ? v : v - 1, s);
            run = 0;
        }
        if (run > 0) {
            table.encode(0x00, bits);
        }
    }

    /** F.1.2.1: a DC difference as category and extra bits. */
    private static void writeValue(JpegBitWriter bits, HuffmanTable table, int v) {
        int s = LosslessPredictor.category(v);
        table.encode(s, bits);
        if (s > 0) {
            bits.writeBits(v > 0 ? v : v - 1, s);
        }
    }
}
