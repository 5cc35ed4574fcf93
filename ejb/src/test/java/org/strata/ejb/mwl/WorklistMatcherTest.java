package org.strata.ejb.mwl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.strata.dicom.core.Attributes;
import org.strata.dicom.core.Tag;
import org.strata.dicom.core.VR;

class WorklistMatcherTest {

    static Attributes item(String name, String aet, String date, String time, String... protocols) {
        Attributes a = new Attributes().setString(Tag.PatientName, VR.PN, name).setString(Tag.PatientID, VR.LO, "P1");
        Attributes sps = a.newSequence(Tag.ScheduledProcedureStepSequence).newItem()
                .setString(Tag.ScheduledStationAETitle, VR.AE, aet).setString(Tag.ScheduledProcedureStepStartDate, VR.DA, date)
                .setString(Tag.ScheduledProcedureStepStartTime, VR.TM, time).setString(Tag.Modality, VR.CS, "CT");
        var codes = sps.newSequence(Tag.ScheduledProtocolCodeSequence);
        for (String p : protocols) {
            codes.newItem().setString(Tag.CodeValue, VR.SH, p).setString(Tag.CodeMeaning, VR.LO, "Protocol " + p);
        }
        return a;
    }

    static Attributes keys(String name, String aet, String date, String time) {
        Attributes k = new Attributes();
        if (name != null) {
            k.setString(Tag.PatientName, VR.PN, name);
        }
        Attributes sps = k.newSequence(Tag.ScheduledProcedureStepSequence).newItem();
        if (aet != null) {
            sps.setString(Tag.ScheduledStationAETitle, VR.AE, aet);
        }
        if (date != null) {
            sps.setString(Tag.ScheduledProcedureStepStartDate, VR.DA, date);
        }
        if (time != null) {
            sps.setString(Tag.ScheduledProcedureStepStartTime, VR.TM, time);
        }
        return k;
    }

    @Test
    void personNamesMatchWildcardsWithoutRegardToCase() {
        Attributes item = item("Doe^Jane", "CT1", "20261202", "101500");
        assertTrue(WorklistMatcher.matches(keys("DOE*", null, null, null), item));
        assertTrue(WorklistMatcher.matches(keys("doe^jane", null, null, null), item));
        assertTrue(WorklistMatcher.matches(keys("?OE^J*", null, null, null), item));
        assertFalse(WorklistMatcher.matches(keys("DOE", null, null, null), item));
        assertTrue(WorklistMatcher.matches(keys("", null, null, null), item), "universal");
    }

    @Test
    void datesMatchSingleValuesAndOpenOrClosedRanges() {
        Attributes item = item("A", "CT1", "20261202", "101500");
        assertTrue(WorklistMatcher.matches(keys(null, null, "20261202", null), item));
        assertTrue(WorklistMatcher.matches(keys(null, null, "20261201-20261203", null), item));
        assertTrue(WorklistMatcher.matches(keys(null, null, "-20261202", null), item));
        assertFalse(WorklistMatcher.matches(keys(null, null, "20261203-", null), item));
    }

    @Test
    void dateAndTimeTogetherAreOneDateTimeRange() {
        Attributes evening = item("A", "CT1", "20261130", "235900");
        Attributes morning = item("A", "CT1", "20261201", "083000");
        Attributes noon = item("A", "CT1", "20261201", "120000");
        Attributes k = keys(null, null, "20261130-20261201", "2300-0900");
        assertTrue(WorklistMatcher.matches(k, evening));
        assertTrue(WorklistMatcher.matches(k, morning));
        assertFalse(WorklistMatcher.matches(k, noon));
        assertTrue(WorklistMatcher.matches(keys(null, null, "20261201", "1000-1200"), noon), "upper bound inclusive");
    }

    @Test
    void sequenceKeysMatchAnyItemAndOnlyMatchingItemsAreReturned() {
        Attributes item = item("A", "CT1", "20261202", "101500", "HEAD", "NECK");
        Attributes k = keys(null, "CT1", null, null);
        k.getSequence(Tag.ScheduledProcedureStepSequence).get(0).newSequence(Tag.ScheduledProtocolCodeSequence)
                .newItem().setString(Tag.CodeValue, VR.SH, "NECK").setString(Tag.CodeMeaning, VR.LO);
        assertTrue(WorklistMatcher.matches(k, item));
        Attributes rsp = WorklistMatcher.response(k, item);
        var codes = rsp.getSequence(Tag.ScheduledProcedureStepSequence).get(0).getSequence(Tag.ScheduledProtocolCodeSequence);
        assertEquals(1, codes.size());
        assertEquals("Protocol NECK", codes.get(0).getString(Tag.CodeMeaning));
        assertFalse(WorklistMatcher.matches(keys(null, "CT2", null, null), item));
    }

    @Test
    void returnKeysTheItemLacksComeBackEmpty() {
        Attributes k = keys(null, null, null, null).setString(Tag.AccessionNumber, VR.SH);
        Attributes rsp = WorklistMatcher.response(k, item("A", "CT1", "20261202", "101500"));
        assertTrue(rsp.contains(Tag.AccessionNumber));
        assertEquals(null, rsp.getString(Tag.AccessionNumber));
    }
}
