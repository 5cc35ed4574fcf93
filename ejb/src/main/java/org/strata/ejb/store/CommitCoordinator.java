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
 * Group commit of received instances: the stores waiting at the same time share one forcing of
 * each directory their objects were renamed into, one database transaction and one database
 * sync. Each caller is released only when the batch holding its instance is durable (object,
 * its name, its index rows). Failures: a directory that cannot be forced fails the whole batch;
 * a batch transaction that fails is retried one instance per transaction, so that only the
 * instances that cannot be indexed fail. A failed instance's object is deleted by its caller.
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

    private GroupCommit<Pending, IndexResult> group;

    @PostConstruct
    void start() {
        group = new GroupCommit<>(this::commitBatch);
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
        return group.commit(pending);
    }

    List<IndexResult> commitBatch(List<Pending> batch) {
        try {
            syncNames(batch);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "cannot force the directories of " + batch.size() + " new objects: " + e.getMessage(), e);
            return Collections.nCopies(batch.size(), IndexResult.failed("cannot make the object durable"));
        }
        List<IndexResult> results;
        try {
            results = indexer.index(batch.stream().map(Pending::item).toList());
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "batch of " + batch.size() + " not indexed, indexing one by one", e);
            results = batch.stream().map(this::indexAlone).toList();
        }
        try {
            database.sync();
        } catch (SQLException e) {
            // the rows are committed but maybe not on disk: say so rather than acknowledge
            LOG.log(Level.WARNING, "cannot force the database after indexing " + batch.size() + " instances: "
                    + e.getMessage(), e);
            return results.stream().map(r -> r.keepsNewObject() ? IndexResult.notDurable(r) : r).toList();
        }
        return results;
    }

    /** Each distinct directory is forced once for the whole batch. */
    private static void syncNames(List<Pending> batch) throws IOException {
        Set<DeferredSync> syncs = new LinkedHashSet<>();
        batch.forEach(p -> syncs.addAll(p.syncs()));
        for (DeferredSync sync : syncs) {
            sync.sync();
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
