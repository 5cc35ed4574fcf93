package org.strata.dicom.net;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads of the network layer: a bounded pool for association readers and DIMSE dispatchers
 * (two per association), and one timer thread (ARTIM, idle and release timers). Runtime state,
 * never part of a configuration object. Java 17: platform threads, bounded.
 */
public final class NetRuntime implements AutoCloseable {

    /** Our own pool, or null when the tasks run on a host's executor. */
    private final ThreadPoolExecutor executor;
    private final Executor tasks;
    private final ScheduledThreadPoolExecutor scheduler;
    private final AtomicInteger active = new AtomicInteger();

    public NetRuntime(String name, int maxThreads) {
        executor = new ThreadPoolExecutor(0, maxThreads, 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
                factory(name + "-io"), new ThreadPoolExecutor.AbortPolicy());
        tasks = executor;
        scheduler = new ScheduledThreadPoolExecutor(1, factory(name + "-timer"));
        scheduler.setRemoveOnCancelPolicy(true);
    }

    /**
     * Runs the accept loops, readers and dispatchers on a host's executor, e.g. a resource
     * adapter's Jakarta Connectors work manager; it must reject rather than queue when full.
     */
    public NetRuntime(String name, Executor hostExecutor) {
        executor = null;
        tasks = hostExecutor;
        scheduler = new ScheduledThreadPoolExecutor(1, factory(name + "-timer"));
        scheduler.setRemoveOnCancelPolicy(true);
    }

    private static java.util.concurrent.ThreadFactory factory(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** @throws RejectedExecutionException when every thread is busy */
    public void execute(Runnable task) {
        tasks.execute(() -> {
            active.incrementAndGet();
            try {
                task.run();
            } finally {
                active.decrementAndGet();
            }
        });
    }

    /**
     * Runs a listener's accept loop: like {@link #execute} but lasting as long as the listener,
     * and not counted in {@link #activeThreads()}.
     */
    public void executeAcceptLoop(Runnable loop) {
        tasks.execute(loop);
    }

    /** Our own pool (for tests); not available when tasks run on a host's executor. */
    public ExecutorService executor() {
        if (executor == null) {
            throw new IllegalStateException("tasks run on the host's executor");
        }
        return executor;
    }

    public ScheduledExecutorService scheduler() {
        return scheduler;
    }

    /** Tasks running now, accept loops excluded (for tests and metrics). */
    public int activeThreads() {
        return active.get();
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        if (executor == null) {
            return; // the host owns its executor; our tasks end with their sockets
        }
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
