package org.strata.ejb.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
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
        List<IndexResult> results = coordinator.commitBatch(List.of(pending("1"), pending("2"), pending("3")));
        assertEquals(List.of(Outcome.STORED, Outcome.FAILED, Outcome.STORED),
                results.stream().map(IndexResult::outcome).toList());
        assertTrue(!results.get(1).keepsNewObject(), "the failed instance's object is to be deleted");
        // the batch once, then each alone: "2" as often as it is tried
        verify(indexer, times(1 + 1 + CommitCoordinator.ATTEMPTS_ALONE + 1)).index(any());
        verify(database).sync();
    }

    @Test
    void aDirectoryThatCannotBeForcedFailsTheWholeBatchAndIndexesNothing() {
        DeferredSync broken = () -> {
            throw new IOException("fsync failed (injected)");
        };
        List<IndexResult> results = coordinator.commitBatch(List.of(pending("1", broken), pending("2")));
        assertEquals(List.of(Outcome.FAILED, Outcome.FAILED), results.stream().map(IndexResult::outcome).toList());
        assertTrue(results.stream().noneMatch(IndexResult::keepsNewObject));
        verifyNoInteractions(indexer);
    }

    @Test
    void aDatabaseThatCannotBeForcedAcknowledgesNothingButKeepsTheIndexedObjects() throws Exception {
        failTransactionsHolding("none");
        doThrow(new SQLException("sync failed (injected)")).when(database).sync();
        List<IndexResult> results = coordinator.commitBatch(List.of(pending("1"), pending("2")));
        assertEquals(List.of(Outcome.NOT_DURABLE, Outcome.NOT_DURABLE),
                results.stream().map(IndexResult::outcome).toList());
        assertTrue(results.stream().allMatch(IndexResult::keepsNewObject), "rows point at them: keep them");
    }

    @Test
    void eachDirectoryIsForcedOnceForTheWholeBatchBeforeTheTransaction() {
        AtomicInteger forced = new AtomicInteger();
        record Dir(String name, AtomicInteger count) implements DeferredSync {
            @Override
            public void sync() {
                count.incrementAndGet();
            }
        }
        when(indexer.index(any())).thenAnswer(call -> {
            assertEquals(2, forced.get(), "directories forced before indexing");
            return ((List<?>) call.getArgument(0)).stream().map(i -> IndexResult.stored()).toList();
        });
        coordinator.commitBatch(List.of(pending("1", new Dir("a", forced)), pending("2", new Dir("a", forced)),
                pending("3", new Dir("b", forced))));
        assertEquals(2, forced.get());
        verify(indexer, times(1)).index(any());
    }
}
