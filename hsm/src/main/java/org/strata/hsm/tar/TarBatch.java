package org.strata.hsm.tar;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.strata.hsm.spi.ObjectIds;
import org.strata.hsm.spi.StorageProvider.PendingWrite;

/**
 * Writes grouped for tape, e.g. one study: each object is staged by its own
 * {@link PendingWrite} (whose commit only finishes staging); {@link #commit()} appends them all
 * contiguously to one volume, forces the volume once and records them in the catalogue as one
 * all-or-nothing batch, so the group is recalled with one mount. Nothing is visible before the
 * batch commits. A batch must fit in one volume. Thread-safe.
 */
public final class TarBatch implements AutoCloseable {

    private enum State { OPEN, COMMITTED, REVOKED }

    private final TarStorageProvider tier;
    private final List<SpooledObject> ready = new ArrayList<>();
    private final Set<String> ids = new HashSet<>();
    private int writing;
    private State state = State.OPEN;

    TarBatch(TarStorageProvider tier) {
        this.tier = tier;
    }

    /** Starts staging an object of this batch. */
    public synchronized PendingWrite create(String id) throws IOException {
        requireOpen();
        ObjectIds.validate(id);
        if (ids.contains(id) || tier.exists(id)) {
            throw new FileAlreadyExistsException(id, null, "object exists or is already in this batch");
        }
        PendingWrite w = tier.spool(id, new SpoolWrite.Target() {
            @Override
            public void spooled(SpooledObject object) {
                ready(object);
            }

            @Override
            public void abandoned(String abandonedId) {
                forget(abandonedId);
            }
        });
        ids.add(id);
        writing++;
        return w;
    }

    /**
     * Appends the staged objects to one volume and records them; every pending write of the
     * batch must have been committed or revoked. Returns where they went.
     */
    public synchronized List<CatalogueEntry> commit() throws IOException {
        requireOpen();
        if (writing > 0) {
            throw new IllegalStateException(writing + " writes of the batch are neither committed nor revoked");
        }
        state = State.COMMITTED;
        if (ready.isEmpty()) {
            return List.of();
        }
        try {
            return tier.append(List.copyOf(ready));
        } catch (IOException | RuntimeException e) {
            state = State.REVOKED;
            throw e;
        }
    }

    /** Discards the staged objects. Writes still open are revoked when they are closed. */
    public synchronized void revoke() throws IOException {
        if (state == State.COMMITTED) {
            throw new IllegalStateException("Batch already committed");
        }
        state = State.REVOKED;
        IOException failure = null;
        for (SpooledObject o : ready) {
            try {
                Files.deleteIfExists(o.file());
            } catch (IOException e) {
                failure = failure == null ? e : failure;
            }
        }
        ready.clear();
        if (failure != null) {
            throw failure;
        }
    }

    /** Revokes unless committed. */
    @Override
    public synchronized void close() throws IOException {
        if (state == State.OPEN) {
            revoke();
        }
    }

    private synchronized void ready(SpooledObject object) {
        if (state != State.OPEN) { // the write is then discarded, and forget() counts it
            throw new IllegalStateException("Batch already " + state.name().toLowerCase());
        }
        writing--;
        ready.add(object);
    }

    private synchronized void forget(String id) {
        writing--;
        ids.remove(id);
    }

    private void requireOpen() {
        if (state != State.OPEN) {
            throw new IllegalStateException("Batch already " + state.name().toLowerCase());
        }
    }
}
