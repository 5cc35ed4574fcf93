package org.strata.hsm.tar;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * A tape tier: a library directory holding the volumes (TAR files {@code vol-000001.tar}, …),
 * the capacity of one volume, how many volumes the library may hold, and the one drive.
 *
 * @param library          directory of the volume files
 * @param spool            directory where pending writes are staged before they are appended
 *                         (a TAR header needs the size before the bytes); one per library,
 *                         as opening the library deletes what it finds there
 * @param volumeCapacity   bytes per volume, TAR headers and end-of-archive blocks included
 * @param maxVolumes       how many volumes may be created; 0 for no limit
 * @param mountDelay       waited after each mount, as a tape drive needs to load and position
 * @param commands         external mount and unmount commands
 * @param driveWaitTimeout how long a reader or writer waits for the drive before failing
 */
public record TarTierConfig(Path library, Path spool, long volumeCapacity, int maxVolumes,
                            Duration mountDelay, MountCommands commands, Duration driveWaitTimeout) {

    /** Smallest sensible volume: one 512-byte header, one data block, the end-of-archive blocks. */
    public static final long MIN_CAPACITY = 10 * 512;

    public TarTierConfig {
        library = Objects.requireNonNull(library, "library").toAbsolutePath().normalize();
        spool = Objects.requireNonNull(spool, "spool").toAbsolutePath().normalize();
        Objects.requireNonNull(mountDelay, "mountDelay");
        Objects.requireNonNull(commands, "commands");
        Objects.requireNonNull(driveWaitTimeout, "driveWaitTimeout");
        if (volumeCapacity < MIN_CAPACITY) {
            throw new IllegalArgumentException("volumeCapacity " + volumeCapacity + " below " + MIN_CAPACITY);
        }
        if (maxVolumes < 0 || mountDelay.isNegative() || driveWaitTimeout.isNegative()) {
            throw new IllegalArgumentException("negative maxVolumes, mountDelay or driveWaitTimeout");
        }
    }

    public static Builder builder(Path library) {
        return new Builder(library);
    }

    /** Defaults: spool in {@code library/spool}, 1 TB volumes, no limit, no delay, no commands. */
    public static final class Builder {
        private final Path library;
        private Path spool;
        private long volumeCapacity = 1_000_000_000_000L;
        private int maxVolumes;
        private Duration mountDelay = Duration.ZERO;
        private MountCommands commands = MountCommands.NONE;
        private Duration driveWaitTimeout = Duration.ofMinutes(30);

        private Builder(Path library) {
            this.library = library;
        }

        public Builder spool(Path spool) {
            this.spool = spool;
            return this;
        }

        public Builder volumeCapacity(long bytes) {
            this.volumeCapacity = bytes;
            return this;
        }

        public Builder maxVolumes(int maxVolumes) {
            this.maxVolumes = maxVolumes;
            return this;
        }

        public Builder mountDelay(Duration mountDelay) {
            this.mountDelay = mountDelay;
            return this;
        }

        public Builder commands(MountCommands commands) {
            this.commands = commands;
            return this;
        }

        public Builder driveWaitTimeout(Duration timeout) {
            this.driveWaitTimeout = timeout;
            return this;
        }

        public TarTierConfig build() {
            return new TarTierConfig(library, spool != null ? spool : library.resolve("spool"), volumeCapacity,
                    maxVolumes, mountDelay, commands, driveWaitTimeout);
        }
    }
}
