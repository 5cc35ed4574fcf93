package org.strata.ejb.retrieve;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.IntFunction;
import org.strata.ejb.transcode.TranscodeAheadLimits;
import org.strata.jca.api.StoreSubOperations.DataSet;

/**
 * Transcodes the instances of one retrieve ahead of the C-STORE sub-operations that send them
 * (issue 9): while one instance is on the wire, the next {@link TranscodeAheadLimits#window} that need
 * transcoding are decoded and re-encoded on the executor's threads into memory. The sending thread
 * takes them in the order of the retrieve; one nobody has started yet it runs itself, so a busy
 * pool never stalls a retrieve. Memory is bounded: at most window + 1 data sets, each at most
 * {@link TranscodeAheadLimits#maxBytes}; a larger one is dropped and streamed by the sending thread as before.
 */
final class TranscodeAhead implements AutoCloseable {

    private final Executor executor;
    private final TranscodeAheadLimits limits;
    private final int size;
    private final Map<Integer, FutureTask<ByteArrayOutputStream>> tasks = new HashMap<>();
    /** The first index not yet considered by {@link #advance}. */
    private int next;

    /** For a retrieve of {@code size} instances. */
    TranscodeAhead(Executor executor, TranscodeAheadLimits limits, int size) {
        this.executor = executor;
        this.limits = limits;
        this.size = size;
    }

    /**
     * Starts the transcodings of the instances up to {@code current} + window: {@code transcoding}
     * gives the data set of an index, or null when it is sent as stored (or not at all).
     */
    void advance(int current, IntFunction<DataSet> transcoding) {
        if (limits.window() <= 0) {
            return;
        }
        int last = (int) Math.min(size - 1L, (long) current + limits.window());
        for (next = Math.max(next, current); next <= last; next++) {
            DataSet dataSet = transcoding.apply(next);
            if (dataSet == null) {
                continue;
            }
            FutureTask<ByteArrayOutputStream> task = new FutureTask<>(() -> inMemory(dataSet));
            tasks.put(next, task);
            try {
                executor.execute(task);
            } catch (RejectedExecutionException e) {
                // the pool is full: take() runs it on the sending thread
            }
        }
    }

    /**
     * The data set of {@code index} as transcoded ahead, or empty when it was not (sent as stored,
     * window 0, or larger than {@link TranscodeAheadLimits#maxBytes}): the caller then streams it itself. A
     * transcoding that failed yields a data set that throws the same exception when written, as
     * the streamed one would have.
     */
    Optional<DataSet> take(int index) {
        FutureTask<ByteArrayOutputStream> task = tasks.remove(index);
        if (task == null) {
            return Optional.empty();
        }
        task.run();                                       // a no-op when a pool thread has run or runs it
        try {
            ByteArrayOutputStream bytes = task.get();
            return bytes == null ? Optional.empty() : Optional.of(bytes::writeTo);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of(out -> {
                throw new InterruptedIOException("interrupted waiting for a transcoding");
            });
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            return Optional.of(out -> {
                if (cause instanceof IOException io) {
                    throw io;
                } else if (cause instanceof RuntimeException re) {
                    throw re;
                } else if (cause instanceof Error err) {
                    throw err;
                }
                throw new UncheckedIOException(new IOException(cause));
            });
        } catch (CancellationException e) {
            return Optional.empty();
        }
    }

    /** The data set written to memory, or null when it outgrows {@link TranscodeAheadLimits#maxBytes}. */
    private ByteArrayOutputStream inMemory(DataSet dataSet) throws IOException {
        CappedBuffer buffer = new CappedBuffer(limits.maxBytes());
        try {
            dataSet.writeTo(buffer);
        } catch (IOException | RuntimeException e) {
            if (buffer.full) {
                return null;                              // however the transcoder passed it on
            }
            throw e;
        }
        return buffer;
    }

    /** Drops what was transcoded ahead and not taken (a cancelled or failed retrieve). */
    @Override
    public void close() {
        tasks.values().forEach(t -> t.cancel(false));
        tasks.clear();
    }

    /** A byte buffer that refuses to grow beyond a limit. */
    private static final class CappedBuffer extends ByteArrayOutputStream {
        private final long max;
        boolean full;

        CappedBuffer(long max) {
            super(64 * 1024);
            this.max = max;
        }

        @Override
        public synchronized void write(int b) {
            check(1);
            super.write(b);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            check(len);
            super.write(b, off, len);
        }

        private void check(int len) {
            if (count + (long) len > max) {
                full = true;
                throw new UncheckedIOException(new IOException("transcoded data set larger than " + max
                        + " bytes: streamed instead"));
            }
        }
    }
}
