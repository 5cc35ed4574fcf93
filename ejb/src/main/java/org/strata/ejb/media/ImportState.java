package org.strata.ejb.media;

/** Where a server-side import stands. */
public enum ImportState {
    /** Accepted, not started (or interrupted before its plan was made). */
    QUEUED,
    /** Storing instances; resumed after a restart from the last one recorded. */
    RUNNING,
    /** Every planned file was tried; the counts say how it went. */
    DONE,
    /** The input could not be read at all (not a medium, unreadable image). */
    FAILED;

    public boolean finished() {
        return this == DONE || this == FAILED;
    }
}
