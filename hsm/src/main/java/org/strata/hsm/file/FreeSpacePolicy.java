package org.strata.hsm.file;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * How a disk tier chooses the root for a new object among its writable roots that are above
 * their free-space watermark. Both policies are our design choice.
 */
public enum FreeSpacePolicy {

    /** The root with the most bytes above its watermark: spreads load and wear. */
    MOST_FREE {
        @Override
        Optional<FileRoot> choose(List<RootSpace> eligible) {
            return eligible.stream().max(Comparator.comparingLong(RootSpace::headroom))
                    .map(RootSpace::root);
        }
    },

    /** The first root in configured order: fills file systems one after the other. */
    FILL_IN_ORDER {
        @Override
        Optional<FileRoot> choose(List<RootSpace> eligible) {
            return eligible.stream().findFirst().map(RootSpace::root);
        }
    };

    /**
     * Chooses among {@code candidates} (writable roots in configured order with their usable
     * space); roots at or below their watermark are never chosen.
     */
    public Optional<FileRoot> select(List<RootSpace> candidates) {
        return choose(candidates.stream().filter(r -> r.headroom() > 0).toList());
    }

    abstract Optional<FileRoot> choose(List<RootSpace> eligible);

    /** A root with the usable bytes measured on it just now. */
    public record RootSpace(FileRoot root, long usableBytes) {

        /** Usable bytes above the root's watermark (may be negative). */
        public long headroom() {
            return usableBytes - root.minFreeBytes();
        }
    }
}
