package org.strata.dicom.imageio.jpegls;

import org.strata.dicom.imageio.ImageDescriptor;
import org.strata.dicom.imageio.PixelDataException;

/**
 * Parses a JPEG-LS codestream (T.87 Annex C: SOI, SOF55, LSE, SOS, scans, EOI) and decodes its
 * scans into one plane per component.
 */
final class JlsStreamReader {

    private final byte[] data;
    private final ImageDescriptor expected;
    private int pos;
    private int precision;
    private int rows;
    private int columns;
    private int[] componentIds;
    private int[][] planes;
    private int maxVal;
    private int t1;
    private int t2;
    private int t3;
    private int reset;

    JlsStreamReader(byte[] data, ImageDescriptor expected) {
        this.data = data;
        this.expected = expected;
    }

    int[][] decode() {
        if (u8() != 0xFF || u8() != JlsMarkers.SOI) {
            throw new PixelDataException("JPEG-LS: stream does not start with SOI");
        }
        int decodedScans = 0;
        while (true) {
            int marker = nextMarker();
            switch (marker) {
                case JlsMarkers.SOF55 -> readFrameHeader();
                case JlsMarkers.LSE -> readLse();
                case JlsMarkers.SOS -> decodedScans += readScan();
                case JlsMarkers.EOI -> {
                    return finish(decodedScans);
                }
                case JlsMarkers.DRI -> {
                    int len = u16();
                    int interval = u16();
                    pos += len - 4;
                    if (interval != 0) {
                        throw new PixelDataException("JPEG-LS: restart intervals are not supported");
                    }
                }
                case -1 -> {
                    return finish(decodedScans);        // tolerate a missing EOI
                }
                default -> {
                    if ((marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC)
                            || marker == 0xF9) {
                        throw new PixelDataException(String.format("JPEG-LS: unsupported frame marker FF%02X", marker));
                    }
                    pos += u16() - 2;                  // APPn, COM and others: skip
                }
            }
        }
    }

    private int[][] finish(int decodedScans) {
        if (planes == null || decodedScans == 0) {
            throw new PixelDataException("JPEG-LS: no frame or scan found");
        }
        return planes;
    }

    private int nextMarker() {
        while (pos < data.length) {
            if ((data[pos] & 0xFF) == 0xFF && pos + 1 < data.length && (data[pos + 1] & 0xFF) >= 0x80
                    && (data[pos + 1] & 0xFF) != 0xFF) {
                int m = data[pos + 1] & 0xFF;
                pos += 2;
                return m;
            }
            pos++;
        }
        return -1;
    }

    private void readFrameHeader() {
        int len = u16();
        int start = pos;
        precision = u8();
        rows = u16();
        columns = u16();
        int nf = u8();
        if (precision < 2 || precision > 16) {
            throw new PixelDataException("JPEG-LS: unsupported precision " + precision);
        }
        if (rows == 0 || columns == 0 || nf < 1 || nf > 4) {
            throw new PixelDataException("JPEG-LS: unsupported frame " + columns + "x" + rows + " with " + nf
                    + " components");
        }
        expected.checkFrame("JPEG-LS", rows, columns, nf);
        componentIds = new int[nf];
        for (int c = 0; c < nf; c++) {
            componentIds[c] = u8();
            int sampling = u8();
            u8();
            if (sampling != 0x11) {
                throw new PixelDataException("JPEG-LS: subsampled components are not supported");
            }
        }
        pos = start + len - 2;
        planes = new int[nf][rows * columns];
    }

    /** C.2.4.1: only preset coding parameters (id 1) are supported; mapping tables are not. */
    private void readLse() {
        int len = u16();
        int start = pos;
        int id = u8();
        if (id == 1) {
            maxVal = u16();
            t1 = u16();
            t2 = u16();
            t3 = u16();
            reset = u16();
        } else {
            throw new PixelDataException("JPEG-LS: LSE id " + id + " (mapping tables / oversize) not supported");
        }
        pos = start + len - 2;
    }

    private int readScan() {
        if (planes == null) {
            throw new PixelDataException("JPEG-LS: SOS before SOF55");
        }
        int len = u16();
        int start = pos;
        int ns = u8();
        int[][] scanPlanes = new int[ns][];
        for (int i = 0; i < ns; i++) {
            int id = u8();
            int table = u8();
            if (table != 0) {
                throw new PixelDataException("JPEG-LS: mapping tables are not supported");
            }
            scanPlanes[i] = planes[componentIndex(id)];
        }
        int near = u8();
        int ilv = u8();
        int pointTransform = u8() & 0x0F;
        pos = start + len - 2;
        if (pointTransform != 0) {
            throw new PixelDataException("JPEG-LS: point transform is not supported");
        }
        if (ilv > 2 || (ilv == 0 && ns != 1)) {
            throw new PixelDataException("JPEG-LS: bad interleave mode " + ilv + " for " + ns + " components");
        }
        JlsParameters p = JlsParameters.of(precision, near, maxVal, t1, t2, t3, reset);
        JlsBitReader bits = new JlsBitReader(data, pos, data.length);
        JlsScanCoder.decoder(p, columns, rows, bits).code(scanPlanes, ns == 1 ? 0 : ilv);
        pos = bits.position();
        return 1;
    }

    private int componentIndex(int id) {
        for (int c = 0; c < componentIds.length; c++) {
            if (componentIds[c] == id) {
                return c;
            }
        }
        throw new PixelDataException("JPEG-LS: scan refers to unknown component " + id);
    }

    private int u8() {
        if (pos >= data.length) {
            throw new PixelDataException("JPEG-LS: truncated stream");
        }
        return data[pos++] & 0xFF;
    }

    private int u16() {
        return (u8() << 8) | u8();
    }
}
