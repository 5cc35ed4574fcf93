package org.strata.hsm.migrate;

import java.time.Duration;

/**
 * Delay before the next attempt of a failed job: {@code first * 2^(attempt-1)}, capped at
 * {@code max}. Our choice: exponential, so a tier that is down for an hour is not hammered.
 */
public record Backoff(Duration first, Duration max) {

    public Backoff {
        if (first.isNegative() || max.compareTo(first) < 0) {
            throw new IllegalArgumentException("backoff needs 0 <= first <= max: " + first + ", " + max);
        }
    }

    /** Ten minutes: where the archive's retry queues (commitment reports, outbound requests) stop doubling. */
    public static final Duration TEN_MINUTES = Duration.ofMinutes(10);

    /** Doubling from {@code first} up to {@code max}; a {@code first} above {@code max} is {@code max}. */
    public static Backoff upTo(Duration first, Duration max) {
        return new Backoff(first.compareTo(max) > 0 ? max : first, max);
    }

    /** The delay after failed attempt number {@code attempt} (1 for the first failure). */
    public Duration after(int attempt) {
        if (attempt <= 1) {
            return first;
        }
        Duration d = first;
        for (int i = 1; i < attempt && d.compareTo(max) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return d.compareTo(max) > 0 ? max : d;
    }
}
