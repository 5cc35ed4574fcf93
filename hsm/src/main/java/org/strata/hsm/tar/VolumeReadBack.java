package org.strata.hsm.tar;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.strata.hsm.digest.DigestMismatchException;
import org.strata.hsm.digest.Sha256;

/**
 * Reads the entries of a batch back from the volume, on a thread of its own, while the writer
 * appends the next entries and forces the volume: each entry written is handed over
 * ({@link #written}) and checked against the size and SHA-256 it records, one digest per byte
 * of the copy (not of the source). {@link #awaitChecked} waits for the last one and throws the
 * first mismatch. The bytes read are those the volume file holds (through the page cache, as any
 * read after a write is); the volume is forced separately before anything is recorded.
 */
final class VolumeReadBack implements AutoCloseable {

    private static final int BUFFER = 1 << 20;
    private static final CatalogueEntry END = new CatalogueEntry("end", "end", 0, 1, 0, 1,
            new Sha256("0".repeat(64)));
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final FileChannel ch;
    private final BlockingQueue<CatalogueEntry> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile boolean cancelled;
    private volatile IOException failure;

    private VolumeReadBack(Path volume) throws IOException {
        this.ch = FileChannel.open(volume, StandardOpenOption.READ);
        this.thread = new Thread(this::run, "strata-tar-readback-" + THREADS.incrementAndGet());
        thread.setDaemon(true);
        thread.start();
    }

    /** Starts checking entries of {@code volume} as they are handed over. */
    static VolumeReadBack start(Path volume) throws IOException {
        return new VolumeReadBack(volume);
    }

    /** Hands over an entry whose bytes are written (not necessarily forced yet). */
    void written(CatalogueEntry entry) {
        queue.add(entry);
    }

    /** Waits until every entry handed over is checked; the first that differs throws. */
    void awaitChecked() throws IOException {
        queue.add(END);
        join();
        if (failure != null) {
            throw failure;
        }
    }

    private void run() {
        ByteBuffer buf = ByteBuffer.allocateDirect(BUFFER);
        try {
            for (CatalogueEntry e = queue.take(); e != END && !cancelled; e = queue.take()) {
                if (failure == null) {
                    check(ch, e, buf);
                }
            }
        } catch (IOException e) {
            failure = e;
        } catch (InterruptedException e) {
            failure = new IOException("read-back interrupted", e);
        } catch (RuntimeException e) {
            failure = new IOException("read-back failed: " + e, e);
        }
    }

    /**
     * Reads one entry's bytes from {@code ch} with {@code buf} (positional reads, the channel's
     * position untouched) and checks them against the entry's size and SHA-256.
     */
    static void check(FileChannel ch, CatalogueEntry e, ByteBuffer buf) throws IOException {
        MessageDigest md = Sha256.newDigest();
        long pos = e.dataOffset();
        long end = e.dataOffset() + e.size();
        while (pos < end) {
            buf.clear().limit((int) Math.min(buf.capacity(), end - pos));
            int n = ch.read(buf, pos);
            if (n < 0) {
                break;
            }
            buf.flip();
            md.update(buf);
            pos += n;
        }
        Sha256 actual = Sha256.of(md);
        if (pos - e.dataOffset() != e.size() || !actual.equals(e.sha256())) {
            throw new DigestMismatchException(e.storedObject(), pos - e.dataOffset(), actual);
        }
    }

    private void join() throws IOException {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while the volume was read back", e);
        }
    }

    /** Stops checking (after a failed write) and releases the channel. */
    @Override
    public void close() throws IOException {
        try {
            if (thread.isAlive()) {
                cancelled = true;
                queue.add(END);
                join();
            }
        } finally {
            ch.close();
        }
    }
}
