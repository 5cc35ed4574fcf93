package org.strata.ejb.mpps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.strata.dicom.core.Attributes;
import org.strata.dicom.core.Tag;
import org.strata.dicom.core.VR;

class MppsRulesTest {

    static Attributes create() {
        Attributes ds = new Attributes().setString(Tag.PerformedProcedureStepID, VR.SH, "PPS1")
                .setString(Tag.PerformedStationAETitle, VR.AE, "CT1")
                .setString(Tag.PerformedProcedureStepStartDate, VR.DA, "20261201")
                .setString(Tag.PerformedProcedureStepStartTime, VR.TM, "101010")
                .setString(Tag.PerformedProcedureStepStatus, VR.CS, "IN PROGRESS").setString(Tag.Modality, VR.CS, "CT");
        ds.newSequence(Tag.ScheduledStepAttributesSequence).newItem().setString(Tag.StudyInstanceUID, VR.UI, "1.2.3");
        return ds;
    }

    @Test
    void createNeedsEveryType1AttributeWithAValueAndInProgress() {
        assertNull(MppsRules.checkCreate(create()));
        Attributes missing = create();
        missing.remove(Tag.PerformedStationAETitle);
        assertEquals(0x0120, MppsRules.checkCreate(missing).code());
        assertEquals(0x0121, MppsRules.checkCreate(create().setString(Tag.PerformedProcedureStepStartDate, VR.DA)).code());
        assertEquals(0x0106, MppsRules.checkCreate(create().setString(Tag.PerformedProcedureStepStatus, VR.CS,
                "COMPLETED")).code());
        Attributes noStudy = create();
        noStudy.getSequence(Tag.ScheduledStepAttributesSequence).get(0).remove(Tag.StudyInstanceUID);
        assertEquals(0x0120, MppsRules.checkCreate(noStudy).code());
    }

    @Test
    void setRefusesFinalStatesForbiddenAttributesAndIncompleteEnds() {
        Attributes current = create();
        assertNull(MppsRules.checkSet(current, new Attributes().setString(Tag.PerformedProcedureStepDescription, VR.LO, "x")));
        assertEquals(0x0106, MppsRules.checkSet(current, new Attributes().setString(Tag.PatientID, VR.LO, "x")).code());
        assertEquals(0x0106, MppsRules.checkSet(current, new Attributes()
                .setString(Tag.PerformedProcedureStepStatus, VR.CS, "DONE")).code());
        Attributes done = create().setString(Tag.PerformedProcedureStepStatus, VR.CS, "COMPLETED");
        assertEquals(0x0110, MppsRules.checkSet(done, new Attributes()).code());
        assertEquals(0x0121, MppsRules.checkFinal(create().setString(Tag.PerformedProcedureStepStatus, VR.CS,
                "DISCONTINUED")).code());
        Attributes completedWithoutSeries = create().setString(Tag.PerformedProcedureStepStatus, VR.CS, "COMPLETED")
                .setString(Tag.PerformedProcedureStepEndDate, VR.DA, "20261201")
                .setString(Tag.PerformedProcedureStepEndTime, VR.TM, "111111");
        assertEquals(0x0121, MppsRules.checkFinal(completedWithoutSeries).code());
        completedWithoutSeries.newSequence(Tag.PerformedSeriesSequence).newItem()
                .setString(Tag.SeriesInstanceUID, VR.UI, "1.2.3.4");
        assertNull(MppsRules.checkFinal(completedWithoutSeries));
    }
}
