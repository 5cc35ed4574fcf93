package org.strata.ejb.store;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Group commit: callers that arrive while a batch is being made durable wait together, and the
 * first of them then makes all of them durable in one batch (one sync, one transaction) on its
 * own thread, while the others wait for their result. Nobody returns before the batch holding
 * its item is finished, so a caller can answer its peer only once its item is durable. No timer:
 * a lone caller's batch is just its own item, and batches grow by themselves under load.
 *
 * @param <T> what is committed
 * @param <R> the result of one item
 */
final class GroupCommit<T, R> {

    private final Function<List<T>, List<R>> batchWork;
    private final Object lock = new Object();
    private List<Slot<T, R>> waiting = new ArrayList<>();
    private boolean leading;

    /**
     * @param batchWork commits a batch and returns one result per item, in order; when it throws,
     *                  every item of the batch fails with that exception
     */
    GroupCommit(Function<List<T>, List<R>> batchWork) {
        this.batchWork = batchWork;
    }

    /** Commits {@code item} in the next batch and returns its result once that batch is done. */
    R commit(T item) {
        Slot<T, R> slot = new Slot<>(item);
        List<Slot<T, R>> batch;
        boolean interrupted = false;
        synchronized (lock) {
            waiting.add(slot);
            while (leading && !slot.done) {
                try {
                    lock.wait();
                } catch (InterruptedException e) {
                    interrupted = true; // the item is queued: its outcome must still be awaited
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            if (slot.done) {
                return slot.result();
            }
            leading = true;
            batch = waiting;
            waiting = new ArrayList<>();
        }
        List<R> results = null;
        RuntimeException failure = null;
        try {
            results = batchWork.apply(batch.stream().map(s -> s.item).toList());
            if (results.size() != batch.size()) {
                failure = new IllegalStateException(results.size() + " results for " + batch.size() + " items");
            }
        } catch (RuntimeException | Error e) {
            failure = e instanceof RuntimeException r ? r : new IllegalStateException(e);
            if (e instanceof Error err) {
                finish(batch, null, failure);
                throw err;
            }
        }
        finish(batch, results, failure);
        return slot.result();
    }

    /** Items queued for the next batch (for tests). */
    int waiting() {
        synchronized (lock) {
            return waiting.size();
        }
    }

    private void finish(List<Slot<T, R>> batch, List<R> results, RuntimeException failure) {
        synchronized (lock) {
            for (int i = 0; i < batch.size(); i++) {
                Slot<T, R> s = batch.get(i);
                s.failure = failure;
                s.result = failure == null ? results.get(i) : null;
                s.done = true;
            }
            leading = false;
            lock.notifyAll();
        }
    }

    private static final class Slot<T, R> {
        final T item;
        R result;
        RuntimeException failure;
        boolean done;

        Slot(T item) {
            this.item = item;
        }

        R result() {
            if (failure != null) {
                throw failure;
            }
            return result;
        }
    }
}
