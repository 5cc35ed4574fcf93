package org.strata.hsm.tar;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The one drive of a library: one volume mounted at a time. Users take a {@link Lease} on a
 * volume; leases on the mounted volume are shared, and another volume is mounted only when no
 * lease is held (unmount command, mount command, mount delay, then the mount check). Waiting
 * for the drive is bounded by a timeout, so a thread holding a lease on one volume while asking
 * for another fails instead of hanging.
 */
final class TapeDrive implements AutoCloseable {

    /** Called after each mount, before the volume is used (the tier cuts torn tails here). */
    @FunctionalInterface
    interface MountCheck {
        void mounted(String volume, Path file) throws IOException;
    }

    private final Path library;
    private final Duration mountDelay;
    private final Duration waitTimeout;
    private final MountCommands commands;
    private final MountCheck check;
    private String mounted;
    private int leases;
    private int mounts;

    TapeDrive(Path library, Duration mountDelay, Duration waitTimeout, MountCommands commands, MountCheck check) {
        this.library = library;
        this.mountDelay = mountDelay;
        this.waitTimeout = waitTimeout;
        this.commands = commands;
        this.check = check;
    }

    static String fileName(String volume) {
        return volume + ".tar";
    }

    Path file(String volume) {
        return library.resolve(fileName(volume));
    }

    /** Mounts {@code volume} if needed and leases it; close the lease to release the drive. */
    synchronized Lease acquire(String volume) throws IOException {
        long deadline = System.nanoTime() + waitTimeout.toNanos();
        try {
            while (leases > 0 && !volume.equals(mounted)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new IOException("Drive busy with volume " + mounted + " for more than " + waitTimeout
                            + "; " + volume + " not mounted");
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
            if (!volume.equals(mounted)) {
                unmountCurrent();
                commands.runMount(volume, file(volume));
                mounted = volume;
                mounts++;
                if (!mountDelay.isZero()) {
                    TimeUnit.NANOSECONDS.sleep(mountDelay.toNanos());
                }
                try {
                    check.mounted(volume, file(volume));
                } catch (IOException | RuntimeException e) {
                    unmountQuietly(e);
                    throw e;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted waiting for the drive to mount " + volume);
        }
        leases++;
        return new Lease(volume);
    }

    /** The mounted volume, or null. */
    synchronized String mounted() {
        return mounted;
    }

    /** How many mounts the drive has done. */
    synchronized int mounts() {
        return mounts;
    }

    private synchronized void release() {
        leases--;
        notifyAll();
    }

    private void unmountCurrent() throws IOException {
        if (mounted != null) {
            String v = mounted;
            mounted = null;
            commands.runUnmount(v, file(v));
        }
    }

    private void unmountQuietly(Exception cause) {
        try {
            unmountCurrent();
        } catch (IOException | RuntimeException e) {
            cause.addSuppressed(e);
        }
    }

    /** Unmounts the volume when no lease is held; fails when one still is. */
    @Override
    public synchronized void close() throws IOException {
        if (leases > 0) {
            throw new IllegalStateException("Drive still leased (" + leases + ") on " + mounted);
        }
        unmountCurrent();
    }

    /** Use of the mounted volume; release it by closing, once. */
    final class Lease implements AutoCloseable {
        private final String volume;
        private boolean released;

        private Lease(String volume) {
            this.volume = volume;
        }

        String volume() {
            return volume;
        }

        Path file() {
            return TapeDrive.this.file(volume);
        }

        @Override
        public void close() {
            synchronized (TapeDrive.this) {
                if (released) {
                    return;
                }
                released = true;
            }
            release();
        }
    }
}
