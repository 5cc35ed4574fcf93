package org.strata.dicom.net.config;

import java.time.Duration;

/**
 * Time limits of an association. {@link Duration#ZERO} means no limit.
 *
 * @param connect  TCP connect (SCU)
 * @param request  ARTIM while waiting for the A-ASSOCIATE-RQ/-AC/-RJ, and in Sta13 (PS3.8 9.1.5)
 * @param idle     no PDU received while established: the association is aborted
 * @param release  waiting for the A-RELEASE-RP: the association is aborted
 * @param response waiting for a DIMSE response (SCU)
 */
public record Timeouts(Duration connect, Duration request, Duration idle, Duration release, Duration response) {

    public static final Timeouts DEFAULT = new Timeouts(Duration.ofSeconds(10), Duration.ofSeconds(10),
            Duration.ofMinutes(5), Duration.ofSeconds(10), Duration.ofMinutes(5));

    public Timeouts withRequest(Duration d) {
        return new Timeouts(connect, d, idle, release, response);
    }

    public Timeouts withIdle(Duration d) {
        return new Timeouts(connect, request, d, release, response);
    }

    public Timeouts withRelease(Duration d) {
        return new Timeouts(connect, request, idle, d, response);
    }

    static int millis(Duration d) {
        return (int) Math.min(Integer.MAX_VALUE, d.toMillis());
    }

    public int connectMillis() {
        return millis(connect);
    }

    public int idleMillis() {
        return millis(idle);
    }
}
