package org.strata.ejb.hsm;

/** What a rule does with the studies it selects. */
public enum RuleAction {
    /** Copy to the target tier, keep the source copy. */
    COPY,
    /** Copy to the target tier, verify, record, only then delete the source copy. */
    MOVE,
    /** Delete the copies on the source tier (retention); never the last copy unless the rule says so. */
    DELETE
}
