package org.strata.dicom.net;

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

    private final ThreadPoolExecutor executor;
    private final ScheduledThreadPoolExecutor scheduler;

    public NetRuntime(String name, int maxThreads) {
        executor = new ThreadPoolExecutor(0, maxThreads, 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
                factory(name + "-io"), new ThreadPoolExecutor.AbortPolicy());
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
        executor.execute(task);
    }

    public ExecutorService executor() {
        return executor;
    }

    public ScheduledExecutorService scheduler() {
        return scheduler;
    }

    /** Threads currently running tasks (for tests and metrics). */
    public int activeThreads() {
        return executor.getActiveCount();
    }

    @Override
    public void close() {
        executor.shutdownNow();
        scheduler.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
