package org.strata.ejb.retrieve;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Copies the data set of a stored Part 10 object (PS3.10 7.1): past the preamble, "DICM" and
 * the File Meta Information group, whose length the group's first element gives.
 */
final class StoredDataSet {

    private StoredDataSet() {
    }

    static void copy(InputStream part10, OutputStream out) throws IOException {
        skipFileMeta(part10).transferTo(out);
    }

    /** The stream, positioned at the first byte of the data set. */
    static InputStream skipFileMeta(InputStream part10) throws IOException {
        DataInputStream in = new DataInputStream(part10);
        in.readNBytes(128);
        byte[] prefix = in.readNBytes(4);
        byte[] header = in.readNBytes(12);
        if (prefix.length < 4 || prefix[0] != 'D' || prefix[1] != 'I' || prefix[2] != 'C' || prefix[3] != 'M'
                || header.length < 12 || header[0] != 2 || header[1] != 0 || header[2] != 0 || header[3] != 0) {
            throw new IOException("stored object is not a Part 10 file with File Meta Information Group Length");
        }
        long groupLength = (header[8] & 0xFFL) | (header[9] & 0xFFL) << 8 | (header[10] & 0xFFL) << 16
                | (header[11] & 0xFFL) << 24;
        in.skipNBytes(groupLength);
        return in;
    }
}
