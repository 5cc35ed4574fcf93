package org.strata.hsm.tar;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Appends a batch of objects (spooled, or streamed from their source) to a volume with Commons Compress
 * ({@code putArchiveEntry} → bytes → {@code closeArchiveEntry}, then {@code finish} for the
 * end-of-archive blocks), in POSIX long-name and big-number modes, starting at the volume's
 * committed end (over the previous end-of-archive blocks), then forces the volume to disk.
 * Returns the catalogue entries: offsets are counted on the way out, not guessed.
 */
final class VolumeAppender {

    private static final int RECORD = 512;

    private VolumeAppender() {
    }

    /**
     * @throws IOException when writing fails or the volume would exceed {@code capacity}; the
     *                     volume is then cut back to {@code start}
     */
    static List<CatalogueEntry> append(Path file, String volume, long start, List<? extends VolumeEntrySource> batch,
                                       long capacity) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            try {
                List<CatalogueEntry> entries = write(ch, volume, start, batch);
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

    private static List<CatalogueEntry> write(FileChannel ch, String volume, long start, List<? extends VolumeEntrySource> batch)
            throws IOException {
        Counting counted = new Counting(new BufferedOutputStream(new ChannelAt(ch, start), 256 * 1024));
        List<CatalogueEntry> entries = new ArrayList<>();
        TarArchiveOutputStream tar = new TarArchiveOutputStream(counted, RECORD, "UTF-8");
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
        tar.setAddPaxHeadersForNonAsciiNames(true);
        // whole seconds: a fractional mtime would make Commons Compress add a PAX header per entry
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        for (VolumeEntrySource o : batch) {
            long header = start + counted.count;
            TarArchiveEntry entry = new TarArchiveEntry(o.id());
            entry.setSize(o.size());
            entry.setModTime(java.nio.file.attribute.FileTime.from(now));
            tar.putArchiveEntry(entry);
            long data = start + counted.count;
            o.writeTo(tar);
            tar.closeArchiveEntry();
            long end = start + counted.count;
            if ((data - start) % RECORD != 0 || (end - start) % RECORD != 0 || end - data < o.size()) {
                throw new IOException("Unexpected TAR layout for " + o.id() + ": header " + header + ", data "
                        + data + ", end " + end);
            }
            entries.add(new CatalogueEntry(o.id(), volume, header, data, o.size(), end, o.sha256()));
        }
        tar.finish();
        tar.close(); // flushes; the channel itself stays open (ChannelAt does not close it)
        long written = counted.count;
        long expectedEnd = entries.isEmpty() ? start : entries.get(entries.size() - 1).endOffset();
        if (start + written != expectedEnd + VolumeTail.END_OF_ARCHIVE) {
            throw new IOException("Unexpected TAR trailer: wrote " + written + " bytes from " + start);
        }
        ch.truncate(start + written);
        return entries;
    }

    /** Counts the bytes passing, i.e. the offset relative to the start of the append. */
    private static final class Counting extends FilterOutputStream {
        long count;

        Counting(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }

    /** Writes to a channel at explicit positions from {@code start}; close only flushes. */
    private static final class ChannelAt extends OutputStream {
        private final FileChannel ch;
        private long pos;

        ChannelAt(FileChannel ch, long start) {
            this.ch = ch;
            this.pos = start;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            ByteBuffer buf = ByteBuffer.wrap(b, off, len);
            while (buf.hasRemaining()) {
                pos += ch.write(buf, pos);
            }
        }
    }
}
