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
                a.getString(Tag.PatientID, ""),
                a.getString(Tag.IssuerOfPatientID, ""),
                a.getString(Tag.PatientName),
                a.getString(Tag.PatientBirthDate),
                a.getString(Tag.PatientSex),
                new StudyColumns(a.getString(Tag.StudyDate), a.getString(Tag.StudyTime),
                        a.getString(Tag.AccessionNumber), a.getString(Tag.StudyID),
                        a.getString(Tag.ReferringPhysicianName), a.getString(Tag.StudyDescription)),
                new SeriesColumns(a.getString(Tag.Modality), integer(a, Tag.SeriesNumber),
                        a.getString(Tag.SeriesDescription), a.getString(Tag.BodyPartExamined), sourceAeTitle));
    }

    private static String required(Attributes a, int tag, String name) throws InvalidInstanceException {
        String value = a.getString(tag);
        if (value == null || value.isBlank()) {
            throw new InvalidInstanceException(name + " is missing");
        }
        return value.strip();
    }

    private static Integer integer(Attributes a, int tag) {
        int value = a.getInt(tag, Integer.MIN_VALUE);
        return value == Integer.MIN_VALUE ? null : value;
    }
}
