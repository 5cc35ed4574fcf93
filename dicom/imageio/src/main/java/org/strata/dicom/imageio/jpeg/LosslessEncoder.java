package org.strata.dicom.imageio.jpeg;

import java.io.ByteArrayOutputStream;

/**
 * Encoder for the lossless process 14 (T.81 Annex H) with one interleaved scan, a Huffman table
 * optimised for the frame (Annex K.2) and optional restart intervals of whole rows.
 */
final class LosslessEncoder {

    private final int predictor;
    private final int restartRows;

    LosslessEncoder(int predictor, int restartRows) {
        this.predictor = predictor;
        this.restartRows = restartRows;
    }

    byte[] encode(int[][] planes, int rows, int columns, int precision) {
        int ns = planes.length;
        int[][] diffs = new int[ns][rows * columns];
        long[] freq = new long[256];
        int defaultValue = 1 << (precision - 1);
        int restartMcus = restartRows * columns;
        for (int c = 0; c < ns; c++) {
            int[] plane = planes[c];
            int firstRow = 0;
            for (int y = 0; y < rows; y++) {
                if (restartRows > 0 && y > 0 && y % restartRows == 0) {
                    firstRow = y;
                }
                for (int x = 0; x < columns; x++) {
                    int pred = LosslessPredictor.predict(plane, columns, x, y, predictor, firstRow, 0, defaultValue);
                    int d = LosslessPredictor.difference(plane[y * columns + x], pred);
                    diffs[c][y * columns + x] = d;
                    freq[LosslessPredictor.category(d)]++;
                }
            }
        }
        HuffmanTable table = HuffmanTable.optimal(freq);
        ByteArrayOutputStream out = new ByteArrayOutputStream(rows * columns * ns);
        marker(out, JpegMarkers.SOI);
        marker(out, JpegMarkers.SOF3);                  // B.2.2 frame header
        u16(out, 8 + 3 * ns);
        out.write(precision);
        u16(out, rows);
        u16(out, columns);
        out.write(ns);
        for (int c = 0; c < ns; c++) {
            out.write(c + 1);
            out.write(0x11);
            out.write(0);
        }
        JpegSegments.writeTable(out, 0x00, table);
        if (restartMcus > 0) {
            marker(out, JpegMarkers.DRI);               // B.2.4.4
            u16(out, 4);
            u16(out, restartMcus);
        }
        marker(out, JpegMarkers.SOS);                   // B.2.3 scan header
        u16(out, 6 + 2 * ns);
        out.write(ns);
        for (int c = 0; c < ns; c++) {
            out.write(c + 1);
            out.write(0x00);
        }
        out.write(predictor);
        out.write(0);
        out.write(0);
        JpegBitWriter bits = new JpegBitWriter(out);
        int mcu = 0;
        int rst = 0;
        for (int i = 0; i < rows * columns; i++) {
            if (restartMcus > 0 && mcu > 0 && mcu % restartMcus == 0) {
                bits.flush();
                marker(out, JpegMarkers.RST0 + rst);
                rst = (rst + 1) & 7;
            }
            for (int c = 0; c < ns; c++) {
                int d = diffs[c][i];
                int s = LosslessPredictor.category(d);
                table.encode(s, bits);
                if (s > 0 && s < 16) {
                    bits.writeBits(d > 0 ? d : d - 1, s);  // F.1.2.1.1: negative values as d - 1
                }
            }
            mcu++;
        }
        bits.flush();
        marker(out, JpegMarkers.EOI);
        return out.toByteArray();
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
