package org.strata.dicom.imageio.jpeg;

import org.strata.dicom.imageio.ImageDescriptor;
import org.strata.dicom.imageio.PixelDataException;

/**
 * Sequential DCT, Huffman-coded JPEG decoder (T.81 processes 1, 2 and 4 sequential: SOF0/SOF1,
 * 8 or 12 bit), used for the 12-bit Extended syntax no Java library decodes. Components must not
 * be subsampled (the 12-bit DICOM case is monochrome); the output is one plane per component.
 */
final class DctDecoder {

    private final byte[] data;
    private final ImageDescriptor expected;
    private int pos;
    private final int[][] quant = new int[4][];
    private final HuffmanTable[] dc = new HuffmanTable[4];
    private final HuffmanTable[] ac = new HuffmanTable[4];
    private int restartInterval;
    private int precision;
    private int rows;
    private int columns;
    private int[] ids;
    private int[] tq;
    private int[][] planes;

    DctDecoder(byte[] data, ImageDescriptor expected) {
        this.data = data;
        this.expected = expected;
    }

    int[][] decode() {
        pos = 2;                                         // after SOI, checked by JpegHeaders
        int scans = 0;
        while (true) {
            int m = nextMarker();
            if (m < 0 || m == JpegMarkers.EOI) {
                if (planes == null || scans == 0) {
                    throw new PixelDataException("JPEG: no frame or scan");
                }
                return planes;
            }
            int len = u16();
            int end = pos + len - 2;
            if (m == 0xC0 || m == 0xC1) {
                readFrame();
            } else if (JpegMarkers.isSof(m)) {
                throw new PixelDataException(String.format("JPEG: frame type FF%02X not supported", m));
            } else if (m == 0xDB) {
                readQuantTables(end);
            } else if (m == JpegMarkers.DHT) {
                readHuffmanTables(end);
            } else if (m == JpegMarkers.DRI) {
                restartInterval = u16();
            } else if (m == JpegMarkers.SOS) {
                decodeScan();
                scans++;
                continue;
            }
            pos = end;
        }
    }

    private void readFrame() {
        precision = u8();
        rows = u16();
        columns = u16();
        int nf = u8();
        if ((precision != 8 && precision != 12) || rows == 0 || columns == 0 || nf < 1 || nf > 4) {
            throw new PixelDataException("JPEG: unsupported DCT frame P=" + precision + " " + columns + "x" + rows);
        }
        expected.checkFrame("JPEG", rows, columns, nf);
        ids = new int[nf];
        tq = new int[nf];
        for (int c = 0; c < nf; c++) {
            ids[c] = u8();
            int hv = u8();
            tq[c] = u8() & 3;
            if (hv != 0x11 && nf > 1) {
                throw new PixelDataException("JPEG: subsampled components are not supported by the 12-bit decoder");
            }
        }
        planes = new int[nf][rows * columns];
    }

    private void readQuantTables(int end) {
        while (pos < end) {
            int pqTq = u8();
            int[] q = new int[64];
            for (int k = 0; k < 64; k++) {
                q[JpegSegments.ZIGZAG[k]] = (pqTq >> 4) == 0 ? u8() : u16();
            }
            quant[pqTq & 3] = q;
        }
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
            ((tcTh >> 4) == 0 ? dc : ac)[tcTh & 3] = new HuffmanTable(bits, values);
        }
    }

    private void decodeScan() {
        if (planes == null) {
            throw new PixelDataException("JPEG: SOS before SOF");
        }
        int ns = u8();
        int[] comp = new int[ns];
        HuffmanTable[] dcs = new HuffmanTable[ns];
        HuffmanTable[] acs = new HuffmanTable[ns];
        for (int i = 0; i < ns; i++) {
            comp[i] = indexOf(u8());
            int t = u8();
            dcs[i] = dc[(t >> 4) & 3];
            acs[i] = ac[t & 3];
            if (dcs[i] == null || acs[i] == null || quant[tq[comp[i]]] == null) {
                throw new PixelDataException("JPEG: scan uses an undefined table");
            }
        }
        pos += 3;                         // Ss, Se, Ah/Al: fixed in sequential mode (some encoders write Se = 0)
        int blocksAcross = (columns + 7) / 8;
        int blocksDown = (rows + 7) / 8;
        JpegBitReader in = new JpegBitReader(data, pos);
        int[] pred = new int[ns];
        int[] coef = new int[64];
        int[] samples = new int[64];
        int mcu = 0;
        int rst = 0;
        for (int by = 0; by < blocksDown; by++) {
            for (int bx = 0; bx < blocksAcross; bx++) {
                if (restartInterval > 0 && mcu > 0 && mcu % restartInterval == 0) {
                    in.restart(rst);
                    rst = (rst + 1) & 7;
                    java.util.Arrays.fill(pred, 0);
                }
                for (int i = 0; i < ns; i++) {
                    pred[i] = decodeBlock(in, dcs[i], acs[i], pred[i], quant[tq[comp[i]]], coef);
                    IntegerIdct.inverse(coef, precision, samples);
                    store(samples, planes[comp[i]], bx, by);
                }
                mcu++;
            }
        }
        pos = in.position();
    }

    /** F.2.2.1 and F.2.2.2: one block; returns the new DC predictor. */
    private static int decodeBlock(JpegBitReader in, HuffmanTable dcTable, HuffmanTable acTable, int pred, int[] q,
            int[] coef) {
        java.util.Arrays.fill(coef, 0);
        int t = dcTable.decode(in);
        if (t > 16) {
            throw new PixelDataException("JPEG: DC difference category " + t);
        }
        int dcValue = pred + extend(in.readBits(t), t);
        coef[0] = dcValue * q[0];
        for (int k = 1; k < 64; k++) {
            int rs = acTable.decode(in);
            int r = rs >> 4;
            int s = rs & 15;
            if (s == 0) {
                if (r != 15) {
                    break;                                   // EOB
                }
                k += 15;                                     // ZRL
                continue;
            }
            k += r;
            if (k > 63) {
                throw new PixelDataException("JPEG: AC coefficient index beyond 63");
            }
            int z = JpegSegments.ZIGZAG[k];
            coef[z] = extend(in.readBits(s), s) * q[z];
        }
        return dcValue;
    }

    /** F.2.2.1 EXTEND. */
    private static int extend(int v, int t) {
        return t == 0 ? 0 : v < (1 << (t - 1)) ? v - (1 << t) + 1 : v;
    }

    private void store(int[] samples, int[] plane, int bx, int by) {
        for (int y = 0; y < 8; y++) {
            int row = by * 8 + y;
            if (row >= rows) {
                break;
            }
            for (int x = 0; x < 8; x++) {
                int col = bx * 8 + x;
                if (col < columns) {
                    plane[row * columns + col] = samples[y * 8 + x];
                }
            }
        }
    }

    private int indexOf(int id) {
        for (int c = 0; c < ids.length; c++) {
            if (ids[c] == id) {
                return c;
            }
        }
        throw new PixelDataException("JPEG: scan refers to unknown component " + id);
    }

    private int nextMarker() {
        while (pos + 1 < data.length) {
            if ((data[pos] & 0xFF) == 0xFF) {
                int m = data[pos + 1] & 0xFF;
                if (m != 0x00 && m != 0xFF && !(m >= 0xD0 && m <= 0xD8)) {
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
