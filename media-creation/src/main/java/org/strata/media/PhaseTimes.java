package org.strata.media;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Wall time of a job's phases, for its log line ({@code queued 2 ms, resolve 40 ms, …}): where a
 * media request spends its time, from the moment it was handed to the executor. Phases of the same
 * name (one per piece) add up.
 */
final class PhaseTimes {

    private final Map<String, Long> nanos = new LinkedHashMap<>();
    private final long start = System.nanoTime();
    private long last = start;

    /** Ends the phase {@code name} now. */
    synchronized void lap(String name) {
        long now = System.nanoTime();
        nanos.merge(name, now - last, Long::sum);
        last = now;
    }

    @Override
    public synchronized String toString() {
        StringBuilder s = new StringBuilder();
        nanos.forEach((k, v) -> s.append(k).append(' ').append(v / 1_000_000).append(" ms, "));
        return s.append("total ").append((last - start) / 1_000_000).append(" ms").toString();
    }
}
