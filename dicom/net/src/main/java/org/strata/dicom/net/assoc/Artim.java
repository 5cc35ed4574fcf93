package org.strata.dicom.net.assoc;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The Association Request/Reject/Release timer, PS3.8 9.1.5; also used for our local request and
 * release time limits. Start restarts it.
 */
final class Artim {

    private final ScheduledExecutorService scheduler;
    private final Runnable onExpiry;
    private ScheduledFuture<?> running;

    Artim(ScheduledExecutorService scheduler, Runnable onExpiry) {
        this.scheduler = scheduler;
        this.onExpiry = onExpiry;
    }

    synchronized void start(Duration timeout) {
        stop();
        if (!timeout.isZero()) {
            running = scheduler.schedule(onExpiry, timeout.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    synchronized void stop() {
        if (running != null) {
            running.cancel(false);
            running = null;
        }
    }
}
