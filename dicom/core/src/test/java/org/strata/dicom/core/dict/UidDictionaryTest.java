package org.strata.dicom.core.dict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.strata.dicom.core.UID;

/** The UID registry of PS3.6 Annex A. */
class UidDictionaryTest {

    private final UidDictionary uids = UidDictionary.standard();

    @Test
    void transferSyntaxesAndSopClasses() {
        UidDictionary.Entry ts = uids.lookup(UID.ExplicitVRBigEndian).orElseThrow();
        assertEquals("Transfer Syntax", ts.type());
        assertTrue(ts.retired());
        assertEquals("CT Image Storage", uids.nameOf(UID.CTImageStorage));
        assertEquals("1.2.3", uids.nameOf("1.2.3"));
        assertEquals(UID.Verification, uids.lookupKeyword("Verification").orElseThrow().uid());
        long transferSyntaxes = uids.entries().stream().filter(e -> e.type().equals("Transfer Syntax")).count();
        long sopClasses = uids.entries().stream().filter(e -> e.type().equals("SOP Class")).count();
        assertTrue(transferSyntaxes >= 40, "transfer syntaxes: " + transferSyntaxes);
        assertTrue(sopClasses >= 250, "SOP classes: " + sopClasses);
    }
}
