package org.strata.ejb.query;

import java.util.Map;
import org.strata.dicom.core.Tag;

/**
 * A matching key the index has a column for: its level, the JPQL path and how it matches.
 * Keys without a column are returned from the stored header, never matched on.
 */
public record MatchKey(QueryLevel level, String path, Kind kind) {

    /** The matching types a key supports (PS3.4 C.2.2.2). */
    public enum Kind {
        /** Single value, list of UIDs, universal. */
        UID,
        /** Single value, wild card, universal, empty value. */
        STRING,
        /** Like STRING; optionally case-insensitive (per AE). */
        PERSON_NAME,
        /** Single value, range, universal, empty value (DA, TM as strings that sort). */
        RANGE,
        /** Single value on one of the backslash-separated values (Modalities in Study). */
        MULTI_VALUED,
        /** Single value of an integer string. */
        INTEGER
    }

    static final Map<Integer, MatchKey> KEYS = Map.ofEntries(
            Map.entry(Tag.PatientID, new MatchKey(QueryLevel.PATIENT, "p.patientId", Kind.STRING)),
            Map.entry(Tag.IssuerOfPatientID, new MatchKey(QueryLevel.PATIENT, "p.issuer", Kind.STRING)),
            Map.entry(Tag.PatientName, new MatchKey(QueryLevel.PATIENT, "p.patientName", Kind.PERSON_NAME)),
            Map.entry(Tag.PatientBirthDate, new MatchKey(QueryLevel.PATIENT, "p.birthDate", Kind.RANGE)),
            Map.entry(Tag.PatientSex, new MatchKey(QueryLevel.PATIENT, "p.sex", Kind.STRING)),
            Map.entry(Tag.StudyInstanceUID, new MatchKey(QueryLevel.STUDY, "s.studyInstanceUid", Kind.UID)),
            Map.entry(Tag.StudyDate, new MatchKey(QueryLevel.STUDY, "s.studyDate", Kind.RANGE)),
            Map.entry(Tag.StudyTime, new MatchKey(QueryLevel.STUDY, "s.studyTime", Kind.RANGE)),
            Map.entry(Tag.AccessionNumber, new MatchKey(QueryLevel.STUDY, "s.accessionNumber", Kind.STRING)),
            Map.entry(Tag.StudyID, new MatchKey(QueryLevel.STUDY, "s.studyId", Kind.STRING)),
            Map.entry(Tag.ReferringPhysicianName, new MatchKey(QueryLevel.STUDY, "s.referringPhysicianName", Kind.PERSON_NAME)),
            Map.entry(Tag.StudyDescription, new MatchKey(QueryLevel.STUDY, "s.studyDescription", Kind.STRING)),
            Map.entry(Tag.ModalitiesInStudy, new MatchKey(QueryLevel.STUDY, "s.modalitiesInStudy", Kind.MULTI_VALUED)),
            Map.entry(Tag.SeriesInstanceUID, new MatchKey(QueryLevel.SERIES, "se.seriesInstanceUid", Kind.UID)),
            Map.entry(Tag.Modality, new MatchKey(QueryLevel.SERIES, "se.modality", Kind.STRING)),
            Map.entry(Tag.SeriesNumber, new MatchKey(QueryLevel.SERIES, "se.seriesNumber", Kind.INTEGER)),
            Map.entry(Tag.SeriesDescription, new MatchKey(QueryLevel.SERIES, "se.seriesDescription", Kind.STRING)),
            Map.entry(Tag.BodyPartExamined, new MatchKey(QueryLevel.SERIES, "se.bodyPartExamined", Kind.STRING)),
            Map.entry(Tag.SOPInstanceUID, new MatchKey(QueryLevel.IMAGE, "i.sopInstanceUid", Kind.UID)),
            Map.entry(Tag.SOPClassUID, new MatchKey(QueryLevel.IMAGE, "i.sopClassUid", Kind.UID)),
            Map.entry(Tag.InstanceNumber, new MatchKey(QueryLevel.IMAGE, "i.instanceNumber", Kind.INTEGER)));

    /** The key of {@code tag}, or null when the index has no column for it. */
    public static MatchKey of(int tag) {
        return KEYS.get(tag);
    }
}
