package org.strata.ejb.store;

import org.strata.dicom.core.Attributes;
import org.strata.dicom.core.Tag;
import org.strata.ejb.entity.Series.SeriesColumns;
import org.strata.ejb.query.PersonNames;
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
                text(a, Tag.PatientID, "", 64),
                text(a, Tag.IssuerOfPatientID, "", 64),
                PersonNames.normalize(text(a, Tag.PatientName, "", 324)),
                date(a, Tag.PatientBirthDate),
                text(a, Tag.PatientSex, null, 16),
                new StudyColumns(date(a, Tag.StudyDate), text(a, Tag.StudyTime, null, 16),
                        text(a, Tag.AccessionNumber, null, 16), text(a, Tag.StudyID, null, 16),
                        PersonNames.normalize(text(a, Tag.ReferringPhysicianName, null, 324)),
                        text(a, Tag.StudyDescription, null, 64)),
                new SeriesColumns(text(a, Tag.Modality, null, 16), integer(a, Tag.SeriesNumber),
                        text(a, Tag.SeriesDescription, null, 64), text(a, Tag.BodyPartExamined, null, 16),
                        sourceAeTitle));
    }

    private static String required(Attributes a, int tag, String name) throws InvalidInstanceException {
        String value = a.getString(tag);
        if (value == null || value.isBlank()) {
            throw new InvalidInstanceException(name + " is missing");
        }
        value = value.strip();
        if (value.length() > 64) { // PS3.5 9.1
            throw new InvalidInstanceException(name + " is longer than 64 characters");
        }
        return value;
    }

    /**
     * A DA value for its 8-character column: YYYYMMDD, or the ACR-NEMA form YYYY.MM.DD that old
     * files still carry (PS3.5 Table 6.2-1 note); anything else is not indexed.
     */
    private static String date(Attributes a, int tag) {
        String value = text(a, tag, null, Integer.MAX_VALUE);
        if (value == null) {
            return null;
        }
        String digits = value.length() == 10 && value.charAt(4) == '.' && value.charAt(7) == '.'
                ? value.substring(0, 4) + value.substring(5, 7) + value.substring(8) : value;
        return digits.length() == 8 && digits.chars().allMatch(Character::isDigit) ? digits : null;
    }

    /**
     * A string value without its insignificant leading and trailing spaces (PS3.5 6.2), cut to
     * its column: an over-long value is indexed by its start and kept whole in the stored header.
     */
    private static String text(Attributes a, int tag, String absent, int columnLength) {
        String value = a.getString(tag);
        if (value == null) {
            return absent;
        }
        value = value.strip();
        return value.length() > columnLength ? value.substring(0, columnLength) : value;
    }

    private static Integer integer(Attributes a, int tag) {
        int value = a.getInt(tag, Integer.MIN_VALUE);
        return value == Integer.MIN_VALUE ? null : value;
    }
}
