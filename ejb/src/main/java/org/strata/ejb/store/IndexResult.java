package org.strata.ejb.store;

import java.util.List;

/**
 * What indexing one received instance did.
 *
 * @param outcome          stored, replaced, ignored, refused, or failed (not durable, not indexed)
 * @param obsoleteObjects  object ids on the online tier no longer referenced (to delete after commit)
 * @param comment          for a refusal or a failure: the Error Comment
 */
public record IndexResult(Outcome outcome, List<String> obsoleteObjects, String comment) {

    public enum Outcome {
        STORED, REPLACED, IGNORED, REFUSED,
        /** Not indexed; the new object is to be deleted. */
        FAILED,
        /** Indexed, but the database could not be forced: kept (consistent), not acknowledged. */
        NOT_DURABLE
    }

    static IndexResult stored() {
        return new IndexResult(Outcome.STORED, List.of(), null);
    }

    static IndexResult replaced(List<String> obsolete) {
        return new IndexResult(Outcome.REPLACED, List.copyOf(obsolete), null);
    }

    static IndexResult ignored() {
        return new IndexResult(Outcome.IGNORED, List.of(), null);
    }

    static IndexResult refused(String comment) {
        return new IndexResult(Outcome.REFUSED, List.of(), comment);
    }

    static IndexResult failed(String comment) {
        return new IndexResult(Outcome.FAILED, List.of(), comment);
    }

    /** An indexing whose rows may not survive a crash: its objects are kept, the store is not acknowledged. */
    static IndexResult notDurable(IndexResult indexed) {
        // replaced copies stay until the next reconciliation: their removal may not be durable either
        return new IndexResult(Outcome.NOT_DURABLE, List.of(), "cannot make the index durable");
    }

    /** True when the new object is referenced by the index and must be kept. */
    public boolean keepsNewObject() {
        return outcome == Outcome.STORED || outcome == Outcome.REPLACED || outcome == Outcome.NOT_DURABLE;
    }
}
