package org.strata.dicom.imageio.jpeg;

import org.strata.dicom.imageio.PixelDataException;

/** Reads the frame header (T.81 B.2.2) of a JPEG stream without decoding it. */
final class JpegHeaders {

    private JpegHeaders() {
    }

    /** The SOFn marker code and sample precision P of the first frame header. */
    record Frame(int sofMarker, int precision, int rows, int columns, int components) {
    }

    static Frame frame(byte[] data) {
        int pos = 2;
        if (data.length < 4 || (data[0] & 0xFF) != 0xFF || (data[1] & 0xFF) != JpegMarkers.SOI) {
            throw new PixelDataException("JPEG: stream does not start with SOI");
        }
        while (pos + 3 < data.length) {
            if ((data[pos] & 0xFF) != 0xFF) {
                pos++;
                continue;
            }
            int m = data[pos + 1] & 0xFF;
            if (m == 0xFF || m == 0x00 || (m >= 0xD0 && m <= 0xD8)) {
                pos++;
                continue;
            }
            int len = ((data[pos + 2] & 0xFF) << 8) | (data[pos + 3] & 0xFF);
            if (JpegMarkers.isSof(m)) {
                if (pos + 9 >= data.length) {
                    break;
                }
                return new Frame(m, data[pos + 4] & 0xFF, ((data[pos + 5] & 0xFF) << 8) | (data[pos + 6] & 0xFF),
                        ((data[pos + 7] & 0xFF) << 8) | (data[pos + 8] & 0xFF), data[pos + 9] & 0xFF);
            }
            pos += 2 + len;
        }
        throw new PixelDataException("JPEG: no frame header (SOFn) found");
    }
}
