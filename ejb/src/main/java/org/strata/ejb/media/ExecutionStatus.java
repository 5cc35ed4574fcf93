package org.strata.ejb.media;

/** Execution Status (2100,0020) of a Media Creation Request (PS3.3 C.22.1, PS3.4 S.3.2). */
public enum ExecutionStatus {
    /** Created, not yet initiated (PS3.4 S.3.2.1: N-CREATE leaves the request IDLE). */
    IDLE,
    /** Initiated and queued. */
    PENDING,
    /** Being written. */
    CREATING,
    /** Every piece of media created. */
    DONE,
    /** Stopped; Execution Status Info tells why. */
    FAILURE;

    public boolean finished() {
        return this == DONE || this == FAILURE;
    }
}
