package org.strata.dicom.core.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;

import org.strata.dicom.core.BulkData;

/**
 * An unbuffered stream onto a file channel that can also take a {@link BulkData} value straight
 * from its source file with {@link FileChannel#transferTo} (in the kernel on Linux: no copy through
 * the JVM). {@link DicomWriter} uses the transfer when it writes to such a stream; to any other
 * stream it copies bulk data through a buffer.
 */
public final class FileChannelOutputStream extends OutputStream {

    private final FileChannel channel;

    /** Writes to {@code channel} from its current position; {@link #close()} closes it. */
    public FileChannelOutputStream(FileChannel channel) {
        this.channel = channel;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        ByteBuffer buf = ByteBuffer.wrap(b, off, len);
        while (buf.hasRemaining()) {
            channel.write(buf);
        }
    }

    /** Appends the bytes of {@code bulk} as they are in its file (no byte swapping). */
    void transferFrom(BulkData bulk) throws IOException {
        try (FileChannel source = FileChannel.open(bulk.file(), StandardOpenOption.READ)) {
            long end = bulk.offset() + bulk.length();
            if (source.size() < end) {
                throw new IOException("bulk data truncated: " + bulk.uri());
            }
            long done = 0;
            while (done < bulk.length()) {
                long n = source.transferTo(bulk.offset() + done, bulk.length() - done, channel);
                if (n <= 0) {
                    throw new IOException("bulk data truncated: " + bulk.uri());
                }
                done += n;
            }
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
