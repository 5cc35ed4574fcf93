package org.strata.hsm.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void doublesPerAttemptUpToTheCap() {
        Backoff b = new Backoff(Duration.ofSeconds(10), Duration.ofMinutes(1));
        assertEquals(Duration.ofSeconds(10), b.after(1));
        assertEquals(Duration.ofSeconds(20), b.after(2));
        assertEquals(Duration.ofSeconds(40), b.after(3));
        assertEquals(Duration.ofMinutes(1), b.after(4));
        assertEquals(Duration.ofMinutes(1), b.after(40));
    }

    @Test
    void aCapBelowTheFirstDelayIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ofMinutes(2), Duration.ofMinutes(1)));
    }
}
