package org.strata.ejb.hsm;

/** States of a tiering job; FAILED is the dead-letter state an administrator retries. */
public enum JobState {
    QUEUED, RUNNING, COMPLETED, FAILED
}
