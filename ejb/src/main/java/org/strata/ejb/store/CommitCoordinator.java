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
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.strata.hsm.spi.DeferredSync;

/**
 * Commit of received instances in three steps: (1) each caller forces the directories its
 * object was renamed into, on its own thread, so that the forcings of concurrent stores overlap
 * (objects are spread over many directories: a batch rarely shares one, and forcing them one
 * after the other in one thread cost one journal commit each); then two group commits, each a
 * {@link GroupCommit}: (2) the instances waiting are indexed in one transaction; (3) the
 * database is forced once for every transaction committed before the sync began. The two
 * stages run side by side: while batch N's database sync runs, batch N+1 is indexed. Each
 * caller is released only when its instance has passed all three (object, its name, its index
 * rows durable). Failures: a directory that cannot be forced fails its store before indexing; a
 * batch transaction that fails is retried one instance per transaction, so that only the
 * instances that cannot be indexed fail; a database that cannot be forced acknowledges nothing
 * of its batch. A failed instance's object is deleted by its caller.
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

    private GroupCommit<Pending, IndexResult> indexing;
    private GroupCommit<IndexResult, IndexResult> syncing;

    @PostConstruct
    void start() {
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
        try {
            syncName(pending);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "cannot force the directory of " + pending.item().received().objectId() + ": "
                    + e.getMessage(), e);
            return IndexResult.failed("cannot make the object durable");
        }
        IndexResult indexed = indexing.commit(pending);
        if (indexed.outcome() == IndexResult.Outcome.FAILED) {
            return indexed; // rolled back: nothing to force
        }
        // also an ignored or refused duplicate: the stored copy it answers for may be in this sync
        return syncing.commit(indexed);
    }

    /** Step 1, on the caller's thread: the object's name (and any directory made for it). */
    private static void syncName(Pending pending) throws IOException {
        for (DeferredSync sync : pending.syncs()) {
            sync.sync();
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
