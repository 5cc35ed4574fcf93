package org.strata.dicom.imageio.jpeg;

import org.strata.dicom.imageio.ImageDescriptor;
import org.strata.dicom.imageio.PixelDataException;

/**
 * Decoder for the lossless process 14 (T.81 Annex H), non-hierarchical, Huffman coded: any
 * precision 2..16, predictors 1..7, point transform, restart intervals, interleaved and
 * non-interleaved scans of components sampled 1x1.
 */
final class LosslessDecoder {

    private final byte[] data;
    private final ImageDescriptor expected;
    private int pos;
    private final HuffmanTable[] tables = new HuffmanTable[4];
    private int restartInterval;
    private int precision;
    private int rows;
    private int columns;
    private int[] componentIds;
    private int[][] planes;
    private int pointTransform;

    LosslessDecoder(byte[] data, ImageDescriptor expected) {
        this.data = data;
        this.expected = expected;
    }

    int pointTransform() {
        return pointTransform;
    }

    /** Decodes the frame; returns one plane per component (unshifted by the point transform). */
    int[][] decode() {
        if (u8() != 0xFF || u8() != JpegMarkers.SOI) {
            throw new PixelDataException("JPEG: stream does not start with SOI");
        }
        int scans = 0;
        while (true) {
            int m = nextMarker();
            if (m == JpegMarkers.EOI || m < 0) {
                if (planes == null || scans == 0) {
                    throw new PixelDataException("JPEG lossless: no frame or scan");
                }
                return planes;
            }
            int len = u16();
            int end = pos + len - 2;
            switch (m) {
                case JpegMarkers.SOF3 -> readFrame();
                case JpegMarkers.DHT -> readHuffmanTables(end);
                case JpegMarkers.DRI -> restartInterval = u16();
                case JpegMarkers.SOS -> {
                    decodeScan();
                    scans++;
                    continue;                   // decodeScan leaves pos after the entropy-coded data
                }
                default -> {
                    if (JpegMarkers.isSof(m)) {
                        throw new PixelDataException(String.format(
                                "JPEG: frame type FF%02X is not lossless process 14 (SOF3)", m));
                    }
                }
            }
            pos = end;
        }
    }

    private void readFrame() {
        precision = u8();
        rows = u16();
        columns = u16();
        int nf = u8();
        if (precision < 2 || precision > 16 || columns == 0 || nf < 1 || nf > 4) {
            throw new PixelDataException("JPEG lossless: unsupported frame P=" + precision + " X=" + columns
                    + " Nf=" + nf);
        }
        if (rows == 0) {
            rows = expected.rows();             // number of lines given later by DNL
        }
        expected.checkFrame("JPEG lossless", rows, columns, nf);
        componentIds = new int[nf];
        for (int c = 0; c < nf; c++) {
            componentIds[c] = u8();
            int hv = u8();
            u8();
            if (hv != 0x11) {
                throw new PixelDataException("JPEG lossless: subsampled components are not supported");
            }
        }
        planes = new int[nf][rows * columns];
    }

    private void readHuffmanTables(int end) {
        while (pos < end) {
            int tcTh = u8();
            int[] bits = new int[17];
            int total = 0;
            for (int l = 1; l <= 16; l++) {
                bits[l] = u8();
                total += bits[l];
            }
            int[] values = new int[total];
            for (int i = 0; i < total; i++) {
                values[i] = u8();
            }
            tables[tcTh & 3] = new HuffmanTable(bits, values);   // lossless uses DC-class tables
        }
    }

    private void decodeScan() {
        if (planes == null) {
            throw new PixelDataException("JPEG: SOS before SOF3");
        }
        int ns = u8();
        int[][] scanPlanes = new int[ns][];
        HuffmanTable[] scanTables = new HuffmanTable[ns];
        for (int i = 0; i < ns; i++) {
            int id = u8();
            int td = u8() >> 4;
            scanPlanes[i] = planes[componentIndex(id)];
            scanTables[i] = tables[td & 3];
            if (scanTables[i] == null) {
                throw new PixelDataException("JPEG: scan uses undefined Huffman table " + td);
            }
        }
        int sv = u8();
        u8();                                   // Se: unused in the lossless process
        pointTransform = u8() & 0x0F;
        if (sv < 1 || sv > 7) {
            throw new PixelDataException("JPEG lossless: bad predictor selection value " + sv);
        }
        int defaultValue = 1 << (precision - pointTransform - 1);
        JpegBitReader in = new JpegBitReader(data, pos);
        int firstRow = 0;
        int firstCol = 0;
        int mcu = 0;
        int nextRst = 0;
        for (int y = 0; y < rows; y++) {
            for (int x = 0; x < columns; x++) {
                if (restartInterval > 0 && mcu > 0 && mcu % restartInterval == 0) {
                    in.restart(nextRst);
                    nextRst = (nextRst + 1) & 7;
                    firstRow = y;
                    firstCol = x;
                }
                for (int c = 0; c < ns; c++) {
                    int[] plane = scanPlanes[c];
                    int pred = LosslessPredictor.predict(plane, columns, x, y, sv, firstRow, firstCol, defaultValue);
                    plane[y * columns + x] = (pred + decodeDifference(scanTables[c], in)) & 0xFFFF;
                }
                mcu++;
            }
        }
        pos = in.position();
    }

    /** F.2.2.1 / H.1.2.2: a category then its extra bits. */
    private static int decodeDifference(HuffmanTable table, JpegBitReader in) {
        int s = table.decode(in);
        if (s == 0) {
            return 0;
        }
        if (s == 16) {
            return 32768;
        }
        if (s > 16) {
            throw new PixelDataException("JPEG lossless: difference category " + s);
        }
        int v = in.readBits(s);
        return v < (1 << (s - 1)) ? v - (1 << s) + 1 : v;
    }

    private int componentIndex(int id) {
        for (int c = 0; c < componentIds.length; c++) {
            if (componentIds[c] == id) {
                return c;
            }
        }
        throw new PixelDataException("JPEG: scan refers to unknown component " + id);
    }

    private int nextMarker() {
        while (pos + 1 < data.length) {
            if ((data[pos] & 0xFF) == 0xFF) {
                int m = data[pos + 1] & 0xFF;
                if (m != 0x00 && m != 0xFF && !(m >= 0xD0 && m <= 0xD7)) {
                    pos += 2;
                    return m;
                }
            }
            pos++;
        }
        return -1;
    }

    private int u8() {
        if (pos >= data.length) {
            throw new PixelDataException("JPEG: truncated stream");
        }
        return data[pos++] & 0xFF;
    }

    private int u16() {
        return (u8() << 8) | u8();
    }
}
