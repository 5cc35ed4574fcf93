package org.strata.ejb.store;

import java.util.List;

/**
 * What indexing one received instance did.
 *
 * @param outcome          stored, replaced, ignored or refused
 * @param obsoleteObjects  object ids on the online tier no longer referenced (to delete after commit)
 * @param comment          for a refusal: the Error Comment
 */
public record IndexResult(Outcome outcome, List<String> obsoleteObjects, String comment) {

    public enum Outcome { STORED, REPLACED, IGNORED, REFUSED }

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

    /** True when the new object is referenced by the index and must be kept. */
    public boolean keepsNewObject() {
        return outcome == Outcome.STORED || outcome == Outcome.REPLACED;
    }
}
