package org.strata.ejb.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Batching of the group commit, with batches held open by latches (no timing assumptions). */
class GroupCommitTest {

    final ExecutorService pool = Executors.newFixedThreadPool(4);

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @Test
    void callersArrivingDuringABatchShareTheNextOneAndGetTheirOwnResults() throws Exception {
        CountDownLatch firstStarted = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        List<List<Integer>> batches = new CopyOnWriteArrayList<>();
        GroupCommit<Integer, String> group = new GroupCommit<>(items -> {
            batches.add(items);
            if (batches.size() == 1) {
                firstStarted.countDown();
                await(releaseFirst);
            }
            return items.stream().map(i -> "done " + i).toList();
        });
        Future<String> first = pool.submit(() -> group.commit(0));
        assertTrue(firstStarted.await(10, TimeUnit.SECONDS));
        List<Future<String>> others = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            int item = i;
            others.add(pool.submit(() -> group.commit(item)));
        }
        waitUntil(() -> group.waiting() == 3);
        releaseFirst.countDown();
        assertEquals("done 0", first.get(10, TimeUnit.SECONDS));
        for (int i = 1; i <= 3; i++) {
            assertEquals("done " + i, others.get(i - 1).get(10, TimeUnit.SECONDS));
        }
        assertEquals(2, batches.size(), "one batch for the first caller, one for the three that waited");
        assertEquals(List.of(0), batches.get(0));
        assertEquals(3, batches.get(1).size());
    }

    @Test
    void aFailingBatchFailsItsCallersOnlyAndTheNextBatchRuns() throws Exception {
        GroupCommit<Integer, String> group = new GroupCommit<>(items -> {
            if (items.contains(13)) {
                throw new IllegalStateException("injected");
            }
            return items.stream().map(i -> "done " + i).toList();
        });
        assertEquals("injected", assertThrows(IllegalStateException.class, () -> group.commit(13)).getMessage());
        assertEquals("done 14", group.commit(14));
    }

    @Test
    void aLoneCallerIsItsOwnBatch() {
        List<List<Integer>> batches = new ArrayList<>();
        GroupCommit<Integer, Integer> group = new GroupCommit<>(items -> {
            batches.add(items);
            return items;
        });
        assertEquals(7, group.commit(7));
        assertEquals(8, group.commit(8));
        assertEquals(List.of(List.of(7), List.of(8)), batches);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < end, "condition not reached in 10 s");
            Thread.sleep(5);
        }
    }
}
