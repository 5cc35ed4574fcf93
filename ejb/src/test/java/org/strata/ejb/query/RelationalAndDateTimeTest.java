package org.strata.ejb.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.strata.dicom.core.Attributes;
import org.strata.dicom.core.Tag;
import org.strata.dicom.core.VR;

/** Relational keys below the level, combined date-time ranges and the hierarchical unique-key rule. */
class RelationalAndDateTimeTest {

    private static Attributes keys(QueryLevel level) {
        return new Attributes().setString(Tag.QueryRetrieveLevel, VR.CS, level.name());
    }

    @Test
    void hierarchicalQueriesIgnoreKeysBelowTheLevel() {
        Attributes k = keys(QueryLevel.STUDY).setString(Tag.Modality, VR.CS, "CT");
        assertEquals("SELECT s FROM Study s JOIN s.patient p ORDER BY s.pk",
                QueryBuilder.build(QueryLevel.STUDY, k, QueryOptions.DEFAULT).query());
    }

    @Test
    void relationalQueriesMatchKeysBelowTheLevelInOneSubquery() {
        Attributes k = keys(QueryLevel.STUDY).setString(Tag.Modality, VR.CS, "CT")
                .setString(Tag.SOPClassUID, VR.UI, "1.2.840.10008.5.1.4.1.1.2");
        Jpql q = QueryBuilder.build(QueryLevel.STUDY, k, QueryOptions.of(QueryOptions.Matching.RELATIONAL));
        assertEquals("SELECT s FROM Study s JOIN s.patient p WHERE EXISTS (SELECT i FROM Instance i JOIN i.series se"
                + " WHERE se.study = s AND i.sopClassUid = :p0 AND se.modality = :p1) ORDER BY s.pk", q.query());
        assertEquals("CT", q.parameters().get("p1"));
    }

    @Test
    void relationalPatientQueryBySeriesKey() {
        Attributes k = keys(QueryLevel.PATIENT).setString(Tag.PatientName, VR.PN, "A*")
                .setString(Tag.Modality, VR.CS, "MR");
        assertEquals("SELECT p FROM Patient p WHERE p.patientName LIKE :p1 ESCAPE '\\' AND EXISTS (SELECT se FROM"
                + " Series se JOIN se.study s WHERE s.patient = p AND se.modality = :p0) ORDER BY p.pk",
                QueryBuilder.build(QueryLevel.PATIENT, k, QueryOptions.of(QueryOptions.Matching.RELATIONAL)).query());
    }

    @Test
    void instancesBelowAnEntityMeetTheIndexedKeysBelowItsLevel() {
        Attributes k = keys(QueryLevel.STUDY).setString(Tag.PatientID, VR.LO, "P1")
                .setString(Tag.Modality, VR.CS, "CT");
        Jpql q = QueryBuilder.instancesBelow(QueryLevel.STUDY, k, QueryOptions.of(QueryOptions.Matching.RELATIONAL));
        assertEquals("SELECT i FROM Instance i JOIN i.series se JOIN se.study s JOIN s.patient p"
                + " WHERE s = :row AND se.modality = :p0 ORDER BY i.pk", q.query());
        assertEquals("CT", q.parameters().get("p0"));
        assertEquals("SELECT i FROM Instance i JOIN i.series se JOIN se.study s JOIN s.patient p WHERE se = :row"
                + " ORDER BY i.pk", QueryBuilder.instancesBelow(QueryLevel.SERIES, k,
                        QueryOptions.of(QueryOptions.Matching.RELATIONAL)).query());
    }

    @Test
    void combinedDateTimeMakesOneRangeFromFirstDateAndTimeToSecond() {
        // PS3.4 C.2.2.2.5.1 example: July 5 10:00 through July 7 18:00
        Attributes k = keys(QueryLevel.STUDY).setString(Tag.StudyDate, VR.DA, "20060705-20060707")
                .setString(Tag.StudyTime, VR.TM, "1000-1800");
        Jpql q = QueryBuilder.build(QueryLevel.STUDY, k, QueryOptions.of(QueryOptions.Matching.COMBINED_DATE_TIME));
        assertEquals("SELECT s FROM Study s JOIN s.patient p WHERE CONCAT(s.studyDate, s.studyTime) >= :p0"
                + " AND CONCAT(s.studyDate, s.studyTime) <= :p1 ORDER BY s.pk", q.query());
        assertEquals("200607051000", q.parameters().get("p0"));
        assertEquals("20060707180099", q.parameters().get("p1"));
    }

    @Test
    void withoutNegotiationDateAndTimeRangesMatchSeparately() {
        Attributes k = keys(QueryLevel.STUDY).setString(Tag.StudyDate, VR.DA, "20060705-20060707")
                .setString(Tag.StudyTime, VR.TM, "1000-1800");
        assertEquals("SELECT s FROM Study s JOIN s.patient p WHERE s.studyDate >= :p0 AND s.studyDate <= :p1"
                + " AND s.studyTime >= :p2 AND s.studyTime <= :p3 ORDER BY s.pk",
                QueryBuilder.build(QueryLevel.STUDY, k, QueryOptions.DEFAULT).query());
    }

    @Test
    void hierarchicalRuleNamesTheMissingUniqueKey() {
        Attributes image = keys(QueryLevel.IMAGE).setString(Tag.StudyInstanceUID, VR.UI, "1.2.3")
                .setString(Tag.SOPInstanceUID, VR.UI, "1.2.3.4.5");
        assertEquals("Series Instance UID", UniqueKeys.missingAbove(InformationModel.STUDY_ROOT, QueryLevel.IMAGE, image));
        image.setString(Tag.SeriesInstanceUID, VR.UI, "1.2.3.4");
        assertNull(UniqueKeys.missingAbove(InformationModel.STUDY_ROOT, QueryLevel.IMAGE, image));
        assertEquals("Patient ID", UniqueKeys.missingAbove(InformationModel.PATIENT_ROOT, QueryLevel.IMAGE, image));
        Attributes study = keys(QueryLevel.STUDY).setString(Tag.PatientID, VR.LO, "P*");
        assertEquals("Patient ID", UniqueKeys.missingAbove(InformationModel.PATIENT_ROOT, QueryLevel.STUDY, study),
                "a wild card is not a single value");
        assertNull(UniqueKeys.missingAbove(InformationModel.STUDY_ROOT, QueryLevel.STUDY, study));
    }
}
