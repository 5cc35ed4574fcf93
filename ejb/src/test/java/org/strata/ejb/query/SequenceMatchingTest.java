package org.strata.ejb.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.strata.dicom.core.Attributes;
import org.strata.dicom.core.Sequence;
import org.strata.dicom.core.Tag;
import org.strata.dicom.core.VR;
import org.strata.ejb.entity.Patient;
import org.strata.ejb.entity.Study;

/** PS3.4 C.2.2.2.6 against stored headers: which rows match, and which items are returned. */
class SequenceMatchingTest {

    static final QueryOptions HIERARCHICAL = new QueryOptions(EnumSet.noneOf(QueryOptions.Matching.class));
    static final QueryOptions RELATIONAL = new QueryOptions(Set.of(QueryOptions.Matching.RELATIONAL));

    /** A study header with two Procedure Code Sequence items. */
    static Attributes stored() {
        Attributes a = new Attributes().setString(Tag.StudyInstanceUID, VR.UI, "1.2.3");
        Sequence codes = a.newSequence(Tag.ProcedureCodeSequence);
        codes.newItem().setString(Tag.CodeValue, VR.SH, "CTHEAD").setString(Tag.CodingSchemeDesignator, VR.SH, "99X")
                .setString(Tag.CodeMeaning, VR.LO, "CT of the head");
        codes.newItem().setString(Tag.CodeValue, VR.SH, "CTCHEST").setString(Tag.CodingSchemeDesignator, VR.SH, "99X")
                .setString(Tag.CodeMeaning, VR.LO, "CT of the chest");
        return a;
    }

    static Attributes keys(String codeValue, String meaning) {
        Attributes k = new Attributes().setString(Tag.QueryRetrieveLevel, VR.CS, "STUDY")
                .setString(Tag.StudyInstanceUID, VR.UI, "");
        Attributes item = k.newSequence(Tag.ProcedureCodeSequence).newItem();
        if (codeValue != null) {
            item.setString(Tag.CodeValue, VR.SH, codeValue);
        }
        if (meaning != null) {
            item.setString(Tag.CodeMeaning, VR.LO, meaning);
        }
        return k;
    }

    @Test
    void anItemMatchingEveryItemKeySelectsTheEntity() {
        assertTrue(SequenceMatching.of(QueryLevel.STUDY, keys("CTCHEST", null), HIERARCHICAL).matches(stored()));
        assertTrue(SequenceMatching.of(QueryLevel.STUDY, keys("CT*", "*chest"), HIERARCHICAL).matches(stored()));
    }

    @Test
    void itemKeysMatchOneItemTogetherNotAcrossItems() {
        // CTHEAD is in the first item, "CT of the chest" in the second: no single item has both
        assertFalse(SequenceMatching.of(QueryLevel.STUDY, keys("CTHEAD", "CT of the chest"), HIERARCHICAL)
                .matches(stored()));
        assertFalse(SequenceMatching.of(QueryLevel.STUDY, keys("MRHEAD", null), HIERARCHICAL).matches(stored()));
        assertFalse(SequenceMatching.of(QueryLevel.STUDY, keys("CTHEAD", null), HIERARCHICAL)
                .matches(new Attributes()), "no sequence stored: no match");
    }

    @Test
    void anEmptySequenceOrItemIsUniversal() {
        assertNull(SequenceMatching.of(QueryLevel.STUDY, keys(null, null), HIERARCHICAL));
        assertNull(SequenceMatching.of(QueryLevel.STUDY, keys("", "*"), HIERARCHICAL));
        Attributes empty = new Attributes().setString(Tag.QueryRetrieveLevel, VR.CS, "STUDY");
        empty.newSequence(Tag.ProcedureCodeSequence);
        assertNull(SequenceMatching.of(QueryLevel.STUDY, empty, HIERARCHICAL));
    }

    @Test
    void keysBelowTheLevelAreIgnoredInHierarchicalQueriesAndMatchedBelowInRelationalOnes() {
        Attributes k = new Attributes().setString(Tag.QueryRetrieveLevel, VR.CS, "STUDY");
        k.newSequence(Tag.RequestAttributesSequence).newItem().setString(Tag.RequestedProcedureID, VR.SH, "RP1");
        assertNull(SequenceMatching.of(QueryLevel.STUDY, k, HIERARCHICAL));
        assertNull(SequenceMatching.below(QueryLevel.STUDY, k, HIERARCHICAL));
        assertNull(SequenceMatching.of(QueryLevel.STUDY, k, RELATIONAL), "not a key of the study itself");
        Attributes instance = stored();
        instance.newSequence(Tag.RequestAttributesSequence).newItem().setString(Tag.RequestedProcedureID, VR.SH, "RP1");
        assertTrue(SequenceMatching.below(QueryLevel.STUDY, k, RELATIONAL).matches(instance));
        assertFalse(SequenceMatching.below(QueryLevel.STUDY, k, RELATIONAL).matches(stored()));
        assertNull(SequenceMatching.below(QueryLevel.SERIES, k, RELATIONAL), "at its own level, not below");
        assertFalse(SequenceMatching.of(QueryLevel.SERIES, k, HIERARCHICAL).matches(stored()));
    }

    @Test
    void theResponseHoldsTheMatchingItemsWithTheRequestedItemKeysOnly() throws Exception {
        Study study = new Study(new Patient("P1", "", "Doe^John"), "1.2.3", java.time.Instant.now());
        Attributes keys = keys("CT*", "*chest");
        Attributes rsp = MatchResponse.of(QueryLevel.STUDY, study, stored(), keys, "STRATA");
        Sequence codes = rsp.getSequence(Tag.ProcedureCodeSequence);
        assertEquals(1, codes.size());
        assertEquals("CTCHEST", codes.get(0).getString(Tag.CodeValue));
        assertEquals("CT of the chest", codes.get(0).getString(Tag.CodeMeaning));
        assertFalse(codes.get(0).contains(Tag.CodingSchemeDesignator), "not requested");
        Attributes all = MatchResponse.of(QueryLevel.STUDY, study, stored(), keys(null, null), "STRATA");
        assertEquals(2, all.getSequence(Tag.ProcedureCodeSequence).size(), "universal: every item");
    }
}
