package org.strata.ejb.config;

import java.time.Duration;

/** Retry delays that double per failed attempt, from {@code first} up to {@code max}. */
public record BackOff(Duration first, Duration max) {

    public static final Duration DEFAULT_MAX = Duration.ofMinutes(10);

    /** The delay before the attempt after {@code attempts} failed ones: first × 2^attempts, at most max. */
    public Duration delay(int attempts) {
        Duration d = first.multipliedBy(1L << Math.min(attempts, 16));
        return d.compareTo(max) > 0 ? max : d;
    }
}
