package org.strata.ejb.hsm;

/** What a job does to one study. */
public enum JobAction {
    /** Copy to the target tier; keep the source copies. */
    COPY,
    /** Copy to the target tier, verify, record; then delete the source copies. */
    MOVE,
    /** Copy back to the online tier from the best lower copy. */
    RECALL,
    /** Delete the copies on the source tier (never the last copy unless allowed). */
    DELETE
}
