package org.strata.hsm.tar;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Starts the disk writes of a batch while it is still being appended: every {@value #EVERY}
 * bytes written, a {@code fdatasync} of the volume ({@link FileChannel#force(boolean)
 * force(false)}) runs on a thread of its own (one at a time), so that the disk works while the
 * writer copies the next objects and the final {@code force(true)} finds little left to write.
 * It only makes the final force cheaper: durability still rests on that final force.
 */
final class EarlyWriteback {

    static final long EVERY = 8L << 20;
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final FileChannel ch;
    private long requested;
    private Thread running;

    /** For a batch written to {@code ch} from {@code start} on. */
    EarlyWriteback(FileChannel ch, long start) {
        this.ch = ch;
        this.requested = start;
    }

    /** The writer reached {@code position}: starts a writeback when enough is new and none runs. */
    void written(long position) {
        if (position - requested < EVERY || running != null && running.isAlive()) {
            return;
        }
        requested = position;
        running = new Thread(() -> {
            try {
                ch.force(false);
            } catch (IOException e) {
                // the final force(true) reports a failing disk; this one only started the writes
            }
        }, "strata-tar-writeback-" + THREADS.incrementAndGet());
        running.setDaemon(true);
        running.start();
    }

    /** Waits for the writeback in flight, if any. */
    void await() throws IOException {
        if (running == null) {
            return;
        }
        try {
            running.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while the volume was written back", e);
        }
    }
}
