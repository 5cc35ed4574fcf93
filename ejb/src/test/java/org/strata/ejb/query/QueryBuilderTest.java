package org.strata.ejb.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.strata.dicom.core.Attributes;
import org.strata.dicom.core.Tag;
import org.strata.dicom.core.VR;

class QueryBuilderTest {

    private static Attributes keys(QueryLevel level) {
        return new Attributes().setString(Tag.QueryRetrieveLevel, VR.CS, level.name());
    }

    @Test
    void universalMatchingAddsNoCondition() {
        Attributes k = keys(QueryLevel.STUDY).setString(Tag.PatientName, VR.PN, "")
                .setString(Tag.StudyInstanceUID, VR.UI, "").setString(Tag.AccessionNumber, VR.SH, "*");
        Jpql q = QueryBuilder.build(QueryLevel.STUDY, k, QueryOptions.DEFAULT);
        assertEquals("SELECT s FROM Study s JOIN s.patient p ORDER BY s.pk", q.query());
        assertEquals(Map.of(), q.parameters());
    }

    @Test
    void singleValueAndWildcardMatching() {
        Attributes k = keys(QueryLevel.PATIENT).setString(Tag.PatientID, VR.LO, "PID-1")
                .setString(Tag.PatientName, VR.PN, "Doe^J*_?");
        Jpql q = QueryBuilder.build(QueryLevel.PATIENT, k, QueryOptions.DEFAULT);
        assertEquals("SELECT p FROM Patient p WHERE p.patientName LIKE :p0 ESCAPE '\\' AND p.patientId = :p1"
                + " ORDER BY p.pk", q.query());
        assertEquals("Doe^J%\\__", q.parameters().get("p0"));
        assertEquals("PID-1", q.parameters().get("p1"));
    }

    @Test
    void caseInsensitivePersonNamesUseTheUpperCaseColumn() {
        Attributes k = keys(QueryLevel.PATIENT).setString(Tag.PatientName, VR.PN, "doe^john");
        Jpql q = QueryBuilder.build(QueryLevel.PATIENT, k, QueryOptions.of(QueryOptions.Matching.CASE_INSENSITIVE_PERSON_NAMES));
        assertEquals("SELECT p FROM Patient p WHERE p.patientNameUpper = :p0 ORDER BY p.pk", q.query());
        assertEquals("DOE^JOHN", q.parameters().get("p0"));
    }

    @Test
    void listOfUidsAndRanges() {
        Attributes k = keys(QueryLevel.SERIES).setString(Tag.StudyInstanceUID, VR.UI, "1.2", "1.3")
                .setString(Tag.StudyDate, VR.DA, "20200101-").setString(Tag.PatientBirthDate, VR.DA, "-19991231");
        Jpql q = QueryBuilder.build(QueryLevel.SERIES, k, QueryOptions.DEFAULT);
        // conditions follow the identifier's tag order
        assertEquals("SELECT se FROM Series se JOIN se.study s JOIN s.patient p WHERE s.studyDate >= :p0"
                + " AND p.birthDate <= :p1 AND s.studyInstanceUid IN :p2 ORDER BY se.pk", q.query());
        assertEquals(List.of("1.2", "1.3"), q.parameters().get("p2"));
    }

    @Test
    void emptyValueMatchingFindsMissingValues() {
        Attributes k = keys(QueryLevel.STUDY).setString(Tag.AccessionNumber, VR.SH, "\"\"");
        assertEquals("SELECT s FROM Study s JOIN s.patient p WHERE (s.accessionNumber IS NULL OR s.accessionNumber = '')"
                + " ORDER BY s.pk", QueryBuilder.build(QueryLevel.STUDY, k, QueryOptions.DEFAULT).query());
    }

    @Test
    void keysBelowTheLevelAreNotMatched() {
        Attributes k = keys(QueryLevel.STUDY).setString(Tag.SOPInstanceUID, VR.UI, "1.2.3")
                .setString(Tag.Modality, VR.CS, "CT");
        assertEquals("SELECT s FROM Study s JOIN s.patient p ORDER BY s.pk",
                QueryBuilder.build(QueryLevel.STUDY, k, QueryOptions.DEFAULT).query());
    }

    @Test
    void modalitiesInStudyMatchesOneOfTheValues() {
        Attributes k = keys(QueryLevel.STUDY).setString(Tag.ModalitiesInStudy, VR.CS, "MR");
        Jpql q = QueryBuilder.build(QueryLevel.STUDY, k, QueryOptions.DEFAULT);
        assertEquals("MR\\\\%", q.parameters().get("p1"));
        assertEquals("%\\\\MR", q.parameters().get("p2"));
    }

    @Test
    void aNonNumericIntegerKeyIsRefused() {
        Attributes k = keys(QueryLevel.SERIES).setString(Tag.SeriesNumber, VR.IS, "abc");
        assertThrows(IllegalArgumentException.class, () -> QueryBuilder.build(QueryLevel.SERIES, k, QueryOptions.DEFAULT));
    }
}
