package org.strata.hsm.tar;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Appends a batch of objects (spooled, or streamed from their source) to a volume as standard
 * TAR entries — headers from {@link TarHeaders} (Commons Compress, POSIX long-name and
 * big-number modes), the data copied by the kernel ({@code sendfile}, via
 * {@link FileChannel#transferTo}) when the object is a local file, else from its stream, each
 * padded to 512 bytes — starting at the volume's committed end (over the previous end-of-archive
 * blocks), then the end-of-archive blocks, then forces the volume to disk. The disk starts
 * writing while the batch is still being copied ({@link EarlyWriteback}), so that the final
 * force waits for little. Returns the catalogue
 * entries: offsets are counted on the way out, not guessed.
 */
final class VolumeAppender {

    private static final int RECORD = TarHeaders.RECORD;
    private static final ByteBuffer ZEROS = ByteBuffer.allocateDirect(VolumeTail.END_OF_ARCHIVE).asReadOnlyBuffer();

    private VolumeAppender() {
    }

    /**
     * @param written told of each entry once its bytes are written (before the volume is forced)
     * @throws IOException when writing fails, an object delivers another number of bytes than
     *                     its size, or the volume would exceed {@code capacity}; the volume is
     *                     then cut back to {@code start}
     */
    static List<CatalogueEntry> append(Path file, String volume, long start, List<? extends VolumeEntrySource> batch,
                                       long capacity, Consumer<CatalogueEntry> written) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            try {
                List<CatalogueEntry> entries = write(ch, volume, start, batch, written);
                if (ch.size() > capacity) { // the reservation was wrong: never overfill a volume
                    throw new IOException("Batch took more room than reserved: volume " + volume + " would have "
                            + ch.size() + " bytes, capacity " + capacity);
                }
                ch.force(true);
                return entries;
            } catch (IOException | RuntimeException e) {
                try {
                    VolumeTail.terminate(ch, start);
                } catch (IOException t) {
                    e.addSuppressed(t);
                }
                throw e;
            }
        }
    }

    private static List<CatalogueEntry> write(FileChannel ch, String volume, long start,
                                              List<? extends VolumeEntrySource> batch,
                                              Consumer<CatalogueEntry> written) throws IOException {
        List<CatalogueEntry> entries = new ArrayList<>();
        // whole seconds: a fractional mtime would make Commons Compress add a PAX header per entry
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        long pos = start;
        EarlyWriteback writeback = new EarlyWriteback(ch, start);
        try {
            for (VolumeEntrySource o : batch) {
                long header = pos;
                pos = writeFully(ch, ByteBuffer.wrap(TarHeaders.of(o.id(), o.size(), now)), pos);
                long data = pos;
                pos = copyData(ch, o, pos);
                pos = writeFully(ch, ZEROS.duplicate().limit((int) ((RECORD - o.size() % RECORD) % RECORD)), pos);
                CatalogueEntry entry = new CatalogueEntry(o.id(), volume, header, data, o.size(), pos, o.sha256());
                entries.add(entry);
                written.accept(entry);
                writeback.written(pos);
            }
        } finally {
            writeback.await();
        }
        pos = writeFully(ch, ZEROS.duplicate(), pos);
        ch.truncate(pos);
        return entries;
    }

    /** Copies exactly the object's size to {@code pos}; another number of bytes fails the append. */
    private static long copyData(FileChannel ch, VolumeEntrySource o, long pos) throws IOException {
        if (o.localFile().isPresent()) {
            try (FileChannel in = FileChannel.open(o.localFile().get(), StandardOpenOption.READ)) {
                if (in.size() != o.size()) {
                    throw new IOException(o.id() + " has " + in.size() + " bytes, " + o.size() + " expected");
                }
                ch.position(pos);
                long done = 0;
                while (done < o.size()) {
                    long n = in.transferTo(done, o.size() - done, ch);
                    if (n <= 0) {
                        throw new IOException(o.id() + " ended after " + done + " bytes, " + o.size() + " expected");
                    }
                    done += n;
                }
            }
        } else {
            ChannelAt out = new ChannelAt(ch, pos, o.size());
            o.writeTo(out);
            if (out.pos - pos != o.size()) {
                throw new IOException(o.id() + " delivered " + (out.pos - pos) + " bytes, " + o.size() + " expected");
            }
        }
        return pos + o.size();
    }

    private static long writeFully(FileChannel ch, ByteBuffer buf, long pos) throws IOException {
        while (buf.hasRemaining()) {
            pos += ch.write(buf, pos);
        }
        return pos;
    }

    /** Writes to a channel at explicit positions, at most {@code limit} bytes; close does nothing. */
    private static final class ChannelAt extends OutputStream {
        private final FileChannel ch;
        private final long end;
        private long pos;

        ChannelAt(FileChannel ch, long start, long limit) {
            this.ch = ch;
            this.pos = start;
            this.end = start + limit;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (len > end - pos) {
                throw new IOException("an object delivered more bytes than its size (" + (end - pos)
                        + " left, " + len + " written)");
            }
            pos = writeFully(ch, ByteBuffer.wrap(b, off, len), pos);
        }
    }
}
