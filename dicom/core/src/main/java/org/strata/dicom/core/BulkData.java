package org.strata.dicom.core;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A value left in its file: the value bytes are {@code length} bytes at {@code offset} of
 * {@code file}, in the byte order of the file's transfer syntax. Lets pixel data pass through
 * without being read into memory.
 */
public record BulkData(Path file, long offset, long length, boolean bigEndian) {

    /**
     * A URI for the value, as used by DICOM JSON/XML BulkDataURI (PS3.18 F.2.6): the file URI
     * with {@code offset} and {@code length} query parameters.
     */
    public URI uri() {
        return URI.create(file.toUri() + "?offset=" + offset + "&length=" + length);
    }

    /** Opens a stream over exactly the value's bytes. */
    public InputStream openStream() throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        channel.position(offset);
        InputStream in = Channels.newInputStream(channel);
        return new InputStream() {
            private long remaining = length;

            @Override
            public int read() throws IOException {
                if (remaining <= 0) {
                    return -1;
                }
                int b = in.read();
                if (b >= 0) {
                    remaining--;
                }
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (remaining <= 0) {
                    return -1;
                }
                int n = in.read(b, off, (int) Math.min(len, remaining));
                if (n > 0) {
                    remaining -= n;
                }
                return n;
            }

            @Override
            public void close() throws IOException {
                in.close();
            }
        };
    }

    /** Reads the whole value into memory (only for values known to be small). */
    public byte[] readBytes() throws IOException {
        if (length > Integer.MAX_VALUE - 8) {
            throw new IOException("bulk data of " + length + " bytes does not fit in an array");
        }
        try (InputStream in = openStream()) {
            byte[] b = in.readNBytes((int) length);
            if (b.length != length) {
                throw new IOException("bulk data truncated: " + uri());
            }
            return b;
        }
    }
}
