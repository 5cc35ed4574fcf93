package org.strata.ejb.stgcmt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.strata.dicom.core.Attributes;
import org.strata.dicom.core.Tag;
import org.strata.dicom.core.VR;

class CommitmentReportTest {

    @Test
    void allCommittedIsEventType1WithoutFailedSequence() {
        CommitmentReport r = CommitmentEvaluator.report("1.2.3", List.of(
                new CommitmentEvaluator.Outcome("1.2.840.10008.5.1.4.1.1.2", "1.1", 0)));
        assertEquals(CommitmentReport.ALL_SUCCESSFUL, r.eventType());
        assertEquals("1.2.3", r.eventInformation().getString(Tag.TransactionUID));
        assertEquals(1, r.eventInformation().getSequence(Tag.ReferencedSOPSequence).size());
        assertNull(r.eventInformation().getSequence(Tag.FailedSOPSequence));
        assertTrue(r.complete());
    }

    @Test
    void failuresCarryTheirReasonAndWaitingMakesTheReportIncomplete() {
        CommitmentReport r = CommitmentEvaluator.report("1.2.3", List.of(
                new CommitmentEvaluator.Outcome("1.2.840.10008.5.1.4.1.1.2", "1.1", 0),
                new CommitmentEvaluator.Outcome("1.2.840.10008.5.1.4.1.1.2", "1.2", 0x0112),
                new CommitmentEvaluator.Outcome("1.2.840.10008.5.1.4.1.1.2", "1.3", -1)));
        assertEquals(CommitmentReport.FAILURES_EXIST, r.eventType());
        Attributes failed = r.eventInformation().getSequence(Tag.FailedSOPSequence).get(0);
        assertEquals("1.2", failed.getString(Tag.ReferencedSOPInstanceUID));
        assertEquals(0x0112, failed.getInt(Tag.FailureReason, 0));
        assertEquals(1, r.failed());
        assertFalse(r.complete());
    }

    @Test
    void actionInformationNeedsTransactionAndReferences() {
        assertEquals("no Action Information", StorageCommitmentService.invalidActionInformation(null));
        Attributes ds = new Attributes().setString(Tag.TransactionUID, VR.UI, "1.2");
        assertTrue(StorageCommitmentService.invalidActionInformation(ds).startsWith("Referenced SOP Sequence"));
        ds.newSequence(Tag.ReferencedSOPSequence).newItem().setString(Tag.ReferencedSOPClassUID, VR.UI, "1.2.3");
        assertTrue(StorageCommitmentService.invalidActionInformation(ds).contains("without"));
        ds.getSequence(Tag.ReferencedSOPSequence).get(0).setString(Tag.ReferencedSOPInstanceUID, VR.UI, "1.2.3.4");
        assertNull(StorageCommitmentService.invalidActionInformation(ds));
    }

    @Test
    void backOffDoublesUpToTenMinutes() {
        CommitmentSettings s = new CommitmentSettings(Duration.ofSeconds(10), Duration.ofDays(1));
        assertEquals(Duration.ofSeconds(10), s.backOff(0));
        assertEquals(Duration.ofSeconds(40), s.backOff(2));
        assertEquals(Duration.ofMinutes(10), s.backOff(12));
        assertEquals(CommitPolicy.SECOND_TIER, CommitPolicy.parse("second-tier"));
        assertEquals(CommitPolicy.ONLINE, CommitPolicy.parse(null));
    }
}
