package org.strata.ejb.store;

import org.strata.dicom.core.Attributes;
import org.strata.dicom.core.Tag;
import org.strata.ejb.entity.Series.SeriesColumns;
import org.strata.ejb.entity.Study.StudyColumns;

/**
 * What the index takes from a received instance's header (PS3.3 C.7.1.1 Patient, C.7.2.1
 * General Study, C.7.3.1 General Series, C.12.1 SOP Common), with the UIDs it cannot do without.
 */
public record InstanceHeader(String sopClassUid, String sopInstanceUid, String studyInstanceUid,
                             String seriesInstanceUid, Integer instanceNumber,
                             String patientId, String issuerOfPatientId, String patientName,
                             String patientBirthDate, String patientSex,
                             StudyColumns study, SeriesColumns series) {

    /** Reads the header; throws {@link InvalidInstanceException} when a required UID is missing. */
    public static InstanceHeader of(Attributes a, String sourceAeTitle) throws InvalidInstanceException {
        return new InstanceHeader(
                required(a, Tag.SOPClassUID, "SOP Class UID"),
                required(a, Tag.SOPInstanceUID, "SOP Instance UID"),
                required(a, Tag.StudyInstanceUID, "Study Instance UID"),
                required(a, Tag.SeriesInstanceUID, "Series Instance UID"),
                integer(a, Tag.InstanceNumber),
                text(a, Tag.PatientID, ""),
                text(a, Tag.IssuerOfPatientID, ""),
                text(a, Tag.PatientName, ""),
                text(a, Tag.PatientBirthDate, null),
                text(a, Tag.PatientSex, null),
                new StudyColumns(text(a, Tag.StudyDate, null), text(a, Tag.StudyTime, null),
                        text(a, Tag.AccessionNumber, null), text(a, Tag.StudyID, null),
                        text(a, Tag.ReferringPhysicianName, null), text(a, Tag.StudyDescription, null)),
                new SeriesColumns(text(a, Tag.Modality, null), integer(a, Tag.SeriesNumber),
                        text(a, Tag.SeriesDescription, null), text(a, Tag.BodyPartExamined, null), sourceAeTitle));
    }

    private static String required(Attributes a, int tag, String name) throws InvalidInstanceException {
        String value = a.getString(tag);
        if (value == null || value.isBlank()) {
            throw new InvalidInstanceException(name + " is missing");
        }
        return value.strip();
    }

    /** A string value without its insignificant leading and trailing spaces (PS3.5 6.2). */
    private static String text(Attributes a, int tag, String absent) {
        String value = a.getString(tag);
        return value == null ? absent : value.strip();
    }

    private static Integer integer(Attributes a, int tag) {
        int value = a.getInt(tag, Integer.MIN_VALUE);
        return value == Integer.MIN_VALUE ? null : value;
    }
}
