package org.strata.ejb.store;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.io.IOException;
import java.sql.SQLException;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.strata.hsm.spi.DeferredSync;

/**
 * Group commit of received instances, as a pipeline of three stages, each a {@link GroupCommit}:
 * (1) the directories the waiting objects were renamed into are forced, each once; (2) the
 * instances that passed (1) are indexed in one transaction; (3) the database is forced once for
 * every transaction committed before the sync began. A stage works on one batch at a time, but
 * the stages run side by side: while batch N's database sync runs, batch N+1 is indexed and
 * N+2's directories are forced. Each caller is released only when its instance has passed all
 * three (object, its name, its index rows durable). Failures: a directory that cannot be forced
 * fails its whole batch before indexing; a batch transaction that fails is retried one instance
 * per transaction, so that only the instances that cannot be indexed fail; a database that
 * cannot be forced acknowledges nothing of its batch. A failed instance's object is deleted by
 * its caller.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CommitCoordinator {

    private static final Logger LOG = Logger.getLogger(CommitCoordinator.class.getName());

    /** Transactions tried per instance when its batch failed: another server may hold a lock we need. */
    static final int ATTEMPTS_ALONE = 3;

    /** One instance to commit: what to index and what still makes its object's name durable. */
    public record Pending(Indexer.Item item, List<DeferredSync> syncs) {
    }

    @EJB
    Indexer indexer;

    @EJB
    DatabaseSync database;

    private GroupCommit<Pending, Boolean> names;
    private GroupCommit<Pending, IndexResult> indexing;
    private GroupCommit<IndexResult, IndexResult> syncing;

    @PostConstruct
    void start() {
        names = new GroupCommit<>(this::syncNames);
        indexing = new GroupCommit<>(this::indexBatch);
        syncing = new GroupCommit<>(this::syncDatabase);
    }

    /** A coordinator outside a container (tests of the ingest path). */
    static CommitCoordinator of(Indexer indexer, DatabaseSync database) {
        CommitCoordinator c = new CommitCoordinator();
        c.indexer = indexer;
        c.database = database;
        c.start();
        return c;
    }

    /** Makes {@code pending} durable with whatever else is waiting; returns once it is (or failed). */
    public IndexResult commit(Pending pending) {
        if (!names.commit(pending)) {
            return IndexResult.failed("cannot make the object durable");
        }
        IndexResult indexed = indexing.commit(pending);
        if (indexed.outcome() == IndexResult.Outcome.FAILED) {
            return indexed; // rolled back: nothing to force
        }
        // also an ignored or refused duplicate: the stored copy it answers for may be in this sync
        return syncing.commit(indexed);
    }

    /** Stage 1: each distinct directory is forced once for the whole batch. */
    List<Boolean> syncNames(List<Pending> batch) {
        Set<DeferredSync> syncs = new LinkedHashSet<>();
        batch.forEach(p -> syncs.addAll(p.syncs()));
        try {
            for (DeferredSync sync : syncs) {
                sync.sync();
            }
            return Collections.nCopies(batch.size(), true);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "cannot force the directories of " + batch.size() + " new objects: " + e.getMessage(), e);
            return Collections.nCopies(batch.size(), false);
        }
    }

    /** Stage 2: one transaction for the batch; one per instance when it fails. */
    List<IndexResult> indexBatch(List<Pending> batch) {
        try {
            return indexer.index(batch.stream().map(Pending::item).toList());
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "batch of " + batch.size() + " not indexed, indexing one by one", e);
            return batch.stream().map(this::indexAlone).toList();
        }
    }

    /** Stage 3: every transaction of the batch committed before this sync began. */
    List<IndexResult> syncDatabase(List<IndexResult> batch) {
        try {
            database.sync();
            return batch;
        } catch (SQLException e) {
            // the rows are committed but maybe not on disk: say so rather than acknowledge
            LOG.log(Level.WARNING, "cannot force the database after indexing " + batch.size() + " instances: "
                    + e.getMessage(), e);
            return batch.stream().map(r -> r.keepsNewObject() ? IndexResult.notDurable(r) : r).toList();
        }
    }

    private IndexResult indexAlone(Pending p) {
        RuntimeException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS_ALONE; attempt++) {
            try {
                return indexer.index(List.of(p.item())).get(0);
            } catch (RuntimeException e) {
                last = e;
            }
        }
        LOG.log(Level.WARNING, "instance " + p.item().received().header().sopInstanceUid() + " not indexed: "
                + last.getMessage(), last);
        return IndexResult.failed("cannot index the instance");
    }
}
