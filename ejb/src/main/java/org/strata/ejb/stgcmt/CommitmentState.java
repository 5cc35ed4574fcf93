package org.strata.ejb.stgcmt;

/** Where a storage commitment request stands. */
public enum CommitmentState {
    /** Received; being evaluated or its report not yet delivered. */
    PENDING,
    /** The N-EVENT-REPORT was delivered (PS3.4 J.3.3). */
    REPORTED,
    /** The report could not be delivered before the give-up time. */
    ABANDONED
}
