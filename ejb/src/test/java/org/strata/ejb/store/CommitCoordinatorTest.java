package org.strata.ejb.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.strata.ejb.store.IndexResult.Outcome;
import org.strata.hsm.spi.DeferredSync;

/** Failures injected into a group-commit batch: who fails, and what is left to keep. */
class CommitCoordinatorTest {

    final Indexer indexer = mock(Indexer.class);
    final DatabaseSync database = mock(DatabaseSync.class);
    final CommitCoordinator coordinator = CommitCoordinator.of(indexer, database);

    static CommitCoordinator.Pending pending(String sopInstanceUid, DeferredSync... syncs) {
        InstanceHeader h = new InstanceHeader("1.2.840.10008.5.1.4.1.1.2", sopInstanceUid, "1.2.3", "1.2.3.4", 1,
                "P1", "", "Doe^John", null, null, null, null);
        Indexer.Received r = new Indexer.Received(h, "1.2.840.10008.1.2.1", "online", "obj-" + sopInstanceUid, 10,
                "00", new byte[0], Instant.now());
        return new CommitCoordinator.Pending(new Indexer.Item(r, DuplicatePolicy.OVERWRITE), List.of(syncs));
    }

    /** The indexer fails every transaction that holds the instance "bad". */
    void failTransactionsHolding(String badUid) {
        when(indexer.index(any())).thenAnswer(call -> {
            List<Indexer.Item> items = call.getArgument(0);
            if (items.stream().anyMatch(i -> i.received().header().sopInstanceUid().equals(badUid))) {
                throw new jakarta.ejb.EJBException("constraint violated (injected)");
            }
            return items.stream().map(i -> IndexResult.stored()).toList();
        });
    }

    @Test
    void aFailedBatchTransactionFailsOnlyTheInstanceThatCannotBeIndexed() throws Exception {
        failTransactionsHolding("2");
        List<IndexResult> results = coordinator.indexBatch(List.of(pending("1"), pending("2"), pending("3")));
        assertEquals(List.of(Outcome.STORED, Outcome.FAILED, Outcome.STORED),
                results.stream().map(IndexResult::outcome).toList());
        assertTrue(!results.get(1).keepsNewObject(), "the failed instance's object is to be deleted");
        // the batch once, then each alone: "2" as often as it is tried
        verify(indexer, times(1 + 1 + CommitCoordinator.ATTEMPTS_ALONE + 1)).index(any());
    }

    @Test
    void aStoreThatCannotBeIndexedFailsWithoutForcingTheDatabase() throws Exception {
        failTransactionsHolding("2");
        assertEquals(Outcome.FAILED, coordinator.commit(pending("2")).outcome());
        verifyNoInteractions(database);
        assertEquals(Outcome.STORED, coordinator.commit(pending("1")).outcome());
        verify(database).sync();
    }

    @Test
    void aDirectoryThatCannotBeForcedFailsItsStoreOnlyAndIndexesNothingOfIt() {
        failTransactionsHolding("none");
        DeferredSync broken = () -> {
            throw new IOException("fsync failed (injected)");
        };
        IndexResult result = coordinator.commit(pending("3", broken));
        assertEquals(Outcome.FAILED, result.outcome());
        assertTrue(!result.keepsNewObject());
        verifyNoInteractions(indexer, database);
        assertEquals(Outcome.STORED, coordinator.commit(pending("4")).outcome());
    }

    @Test
    void aDatabaseThatCannotBeForcedAcknowledgesNothingButKeepsTheIndexedObjects() throws Exception {
        failTransactionsHolding("none");
        doThrow(new SQLException("sync failed (injected)")).when(database).sync();
        List<IndexResult> results = coordinator.syncDatabase(List.of(IndexResult.stored(), IndexResult.stored()));
        assertEquals(List.of(Outcome.NOT_DURABLE, Outcome.NOT_DURABLE),
                results.stream().map(IndexResult::outcome).toList());
        assertTrue(results.stream().allMatch(IndexResult::keepsNewObject), "rows point at them: keep them");
        assertEquals(Outcome.NOT_DURABLE, coordinator.commit(pending("3")).outcome());
    }

    @Test
    void aStoreIsIndexedAfterItsDirectoryIsForcedAndAnsweredAfterTheDatabaseSync() throws Exception {
        List<String> steps = new CopyOnWriteArrayList<>();
        DeferredSync dir = () -> steps.add("directory");
        when(indexer.index(any())).thenAnswer(call -> {
            steps.add("index");
            return List.of(IndexResult.stored());
        });
        doAnswer(call -> steps.add("database")).when(database).sync();
        assertEquals(Outcome.STORED, coordinator.commit(pending("1", dir)).outcome());
        assertEquals(List.of("directory", "index", "database"), steps);
    }

    @Test
    void theNextBatchIsIndexedWhileTheDatabaseSyncOfThePreviousOneRuns() throws Exception {
        failTransactionsHolding("none");
        CountDownLatch firstSyncStarted = new CountDownLatch(1);
        CountDownLatch releaseFirstSync = new CountDownLatch(1);
        AtomicInteger syncs = new AtomicInteger();
        doAnswer(call -> {
            if (syncs.incrementAndGet() == 1) {
                firstSyncStarted.countDown();
                assertTrue(releaseFirstSync.await(10, TimeUnit.SECONDS));
            }
            return null;
        }).when(database).sync();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<IndexResult> first = pool.submit(() -> coordinator.commit(pending("1")));
            assertTrue(firstSyncStarted.await(10, TimeUnit.SECONDS));
            Future<IndexResult> second = pool.submit(() -> coordinator.commit(pending("2")));
            // the second instance is indexed although the first one's sync has not finished
            verify(indexer, timeout(10_000).times(2)).index(any());
            assertTrue(!first.isDone() && !second.isDone(), "nobody answered before its database sync");
            releaseFirstSync.countDown();
            assertEquals(Outcome.STORED, first.get(10, TimeUnit.SECONDS).outcome());
            assertEquals(Outcome.STORED, second.get(10, TimeUnit.SECONDS).outcome());
            verify(database, times(2)).sync();
        } finally {
            pool.shutdownNow();
        }
    }
}
