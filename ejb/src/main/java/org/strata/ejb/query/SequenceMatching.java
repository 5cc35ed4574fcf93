package org.strata.ejb.query;

import java.util.Map;
import org.strata.dicom.core.Attributes;
import org.strata.dicom.core.Sequence;
import org.strata.dicom.core.Tag;
import org.strata.dicom.core.VR;
import org.strata.ejb.mwl.WorklistMatcher;

/**
 * Sequence matching of a C-FIND identifier (PS3.4 C.2.2.2.6): a sequence key of one item with
 * item keys matches an entity when one of the items of its stored sequence matches every item
 * key (recursively, with the other matching types of C.2.2.2). No sequence is indexed: the keys
 * are matched against the stored header of each row the indexed keys selected. A sequence key
 * without items, or with one item without constraining keys, is universal and selects nothing.
 */
final class SequenceMatching {

    /** The level of the sequence keys of our statement (docs/CONFORMANCE.md); others: the query level. */
    static final Map<Integer, QueryLevel> LEVELS = Map.of(
            Tag.OtherPatientIDsSequence, QueryLevel.PATIENT,
            Tag.IssuerOfPatientIDQualifiersSequence, QueryLevel.PATIENT,
            Tag.ReferencedStudySequence, QueryLevel.STUDY,
            Tag.ProcedureCodeSequence, QueryLevel.STUDY,
            Tag.IssuerOfAccessionNumberSequence, QueryLevel.STUDY,
            Tag.RequestAttributesSequence, QueryLevel.SERIES,
            Tag.ReferencedPerformedProcedureStepSequence, QueryLevel.SERIES,
            Tag.ConceptNameCodeSequence, QueryLevel.IMAGE);

    private final Attributes keys;

    private SequenceMatching(Attributes keys) {
        this.keys = keys;
    }

    /**
     * The constraining sequence keys of {@code identifier} at {@code level} and the levels above,
     * or null when there is none. Keys of the levels below are left to {@link #below}: a
     * hierarchical query ignores them (C.4.1.2.2.1).
     */
    static SequenceMatching of(QueryLevel level, Attributes identifier, QueryOptions options) {
        return select(level, identifier, false);
    }

    /**
     * The constraining sequence keys of the levels below {@code level} in a relational query
     * (PS3.4 C.4.1.2.2.2: an entity matches when an entity below it matches), or null when there
     * is none or the query is hierarchical. They are matched against the stored headers of the
     * instances below a candidate, which hold the attributes of every level.
     */
    static SequenceMatching below(QueryLevel level, Attributes identifier, QueryOptions options) {
        return options.has(QueryOptions.Matching.RELATIONAL) ? select(level, identifier, true) : null;
    }

    private static SequenceMatching select(QueryLevel level, Attributes identifier, boolean below) {
        Attributes constraining = new Attributes();
        for (int i = 0; i < identifier.size(); i++) {
            if (identifier.vrAt(i) != VR.SQ) {
                continue;
            }
            int tag = identifier.tagAt(i);
            Sequence key = identifier.getSequence(tag);
            if (key == null || key.isEmpty() || isUniversal(key.get(0))) {
                continue;
            }
            QueryLevel keyLevel = LEVELS.getOrDefault(tag, level);
            if (keyLevel.ordinal() > level.ordinal() != below) {
                continue;
            }
            Sequence copy = constraining.newSequence(tag);
            copy.add(new Attributes().addAll(key.get(0)));
        }
        return constraining.isEmpty() ? null : new SequenceMatching(constraining);
    }

    /** True when every constraining sequence key has a matching item in {@code stored}. */
    boolean matches(Attributes stored) {
        return WorklistMatcher.matches(keys, stored);
    }

    /** True when the sequence key of {@code identifier} constrains (its matching items are returned). */
    static boolean constrains(Sequence key) {
        return key != null && !key.isEmpty() && !isUniversal(key.get(0));
    }

    private static boolean isUniversal(Attributes item) {
        return item.isEmpty() || WorklistMatcher.isUniversal(item);
    }
}
