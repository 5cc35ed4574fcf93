package org.strata.ejb.retrieve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.strata.ejb.transcode.TranscodeAheadLimits;
import org.strata.jca.api.StoreSubOperations.DataSet;

/** Transcoding ahead of the sending thread: order, window, memory cap, failures, a pool that never runs. */
class TranscodeAheadTest {

    final ExecutorService pool = Executors.newFixedThreadPool(2);

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    static DataSet text(String s) {
        return out -> out.write(s.getBytes(StandardCharsets.US_ASCII));
    }

    static String written(Optional<DataSet> d) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        d.orElseThrow().writeTo(out);
        return out.toString(StandardCharsets.US_ASCII);
    }

    @Test
    void handsOutEveryInstanceInOrderAndNeverLooksFurtherThanTheWindow() throws IOException {
        List<Integer> asked = new CopyOnWriteArrayList<>();
        List<String> sent = new ArrayList<>();
        try (TranscodeAhead ahead = new TranscodeAhead(pool, new TranscodeAheadLimits(2, 1000), 6)) {
            for (int i = 0; i < 6; i++) {
                ahead.advance(i, j -> {
                    asked.add(j);
                    return j % 3 == 1 ? null : text("instance " + j);   // every third is sent as stored
                });
                assertTrue(asked.stream().allMatch(j -> j <= 6 - 1), "asked beyond the retrieve: " + asked);
                assertEquals(Math.min(5, i + 2), asked.get(asked.size() - 1), "window of 2 after " + i);
                Optional<DataSet> d = ahead.take(i);
                if (i % 3 == 1) {
                    assertTrue(d.isEmpty(), "instance " + i + " is sent as stored");
                } else {
                    sent.add(written(d));
                }
            }
        }
        assertEquals(List.of(0, 1, 2, 3, 4, 5), asked, "each index asked for once, in order");
        assertEquals(List.of("instance 0", "instance 2", "instance 3", "instance 5"), sent);
    }

    @Test
    void aDataSetLargerThanTheCapIsLeftToTheSenderToStream() {
        try (TranscodeAhead ahead = new TranscodeAhead(pool, new TranscodeAheadLimits(1, 4), 2)) {
            ahead.advance(0, j -> j == 0 ? text("big instance") : text("ok"));
            assertTrue(ahead.take(0).isEmpty(), "over the cap: streamed by the caller");
        }
    }

    @Test
    void aFailedTranscodingFailsWhenWrittenWithTheSameException() {
        IOException failure = new IOException("JPEG-LS: corrupt Golomb code in frame 1");
        try (TranscodeAhead ahead = new TranscodeAhead(pool, new TranscodeAheadLimits(1, 1000), 1)) {
            ahead.advance(0, j -> out -> {
                out.write(1);
                throw failure;
            });
            DataSet d = ahead.take(0).orElseThrow();
            assertSame(failure, assertThrows(IOException.class, () -> d.writeTo(new ByteArrayOutputStream())));
        }
    }

    @Test
    void windowZeroTranscodesNothingAhead() {
        try (TranscodeAhead ahead = new TranscodeAhead(pool, new TranscodeAheadLimits(0, 1000), 3)) {
            ahead.advance(0, j -> {
                throw new AssertionError("window 0 asked for " + j);
            });
            assertTrue(ahead.take(0).isEmpty());
        }
    }

    @Test
    void theSenderRunsATranscodingNoPoolThreadHasStarted() throws IOException {
        List<Runnable> neverRun = new ArrayList<>();
        try (TranscodeAhead ahead = new TranscodeAhead(neverRun::add, new TranscodeAheadLimits(3, 1000), 2)) {
            ahead.advance(0, j -> text("instance " + j));
            assertEquals(2, neverRun.size());
            assertEquals("instance 0", written(ahead.take(0)));
            assertEquals("instance 1", written(ahead.take(1)));
        }
    }

    @Test
    void closingDropsWhatWasNotTaken() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<Integer> written = new CopyOnWriteArrayList<>();
        ExecutorService single = Executors.newSingleThreadExecutor();
        try {
            try (TranscodeAhead ahead = new TranscodeAhead(single, new TranscodeAheadLimits(3, 1000), 4)) {
                ahead.advance(0, j -> out -> {
                    if (j == 0) {
                        started.countDown();
                        try {
                            release.await(10, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                    written.add(j);
                });
                assertTrue(started.await(10, TimeUnit.SECONDS));
            }                                                  // closed while 0 blocks the only thread
            release.countDown();
            single.shutdown();
            assertTrue(single.awaitTermination(10, TimeUnit.SECONDS));
            assertEquals(List.of(0), written, "the queued transcodings were cancelled, not run");
            assertFalse(written.contains(1));
        } finally {
            single.shutdownNow();
        }
    }

    @Test
    void bytesWrittenAheadAreTheDataSetsBytes() throws IOException {
        byte[] data = new byte[100_000];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 31);
        }
        try (TranscodeAhead ahead = new TranscodeAhead(pool, new TranscodeAheadLimits(1, data.length), 1)) {
            ahead.advance(0, j -> out -> {
                out.write(data, 0, 1000);
                out.write(data[1000]);
                out.write(data, 1001, data.length - 1001);
            });
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ahead.take(0).orElseThrow().writeTo(out);
            assertArrayEquals(data, out.toByteArray());
        }
    }
}
