package org.strata.dicom.media;

import static org.strata.dicom.media.RecordKey.optional;
import static org.strata.dicom.media.RecordKey.type1;
import static org.strata.dicom.media.RecordKey.type2;

import java.util.List;

import org.strata.dicom.core.Tag;
import org.strata.dicom.core.VR;

/**
 * Directory Record Types of the patient hierarchy (PS3.3 F.4, Table F.4-1) with the keys of
 * their record definitions (PS3.3 F.5). Specific Character Set (0008,0005), Type 1C in every
 * record, is added by {@link DirectoryRecords} when the instance uses a non-default one.
 */
public enum RecordType {
    /** PS3.3 F.5.1. */
    PATIENT("PATIENT", type2(Tag.PatientName, VR.PN), type1(Tag.PatientID, VR.LO, "UNKNOWN")),
    /** PS3.3 F.5.2; Study Instance UID is 1C (required when no file is referenced), always written here. */
    STUDY("STUDY", type1(Tag.StudyDate, VR.DA, "19000101"), type1(Tag.StudyTime, VR.TM, "000000"),
            type2(Tag.StudyDescription, VR.LO), optional(Tag.StudyInstanceUID, VR.UI),
            type1(Tag.StudyID, VR.SH, null), type2(Tag.AccessionNumber, VR.SH)),
    /** PS3.3 F.5.3. */
    SERIES("SERIES", type1(Tag.Modality, VR.CS, "OT"), type1(Tag.SeriesInstanceUID, VR.UI, null),
            type1(Tag.SeriesNumber, VR.IS, "0")),
    /** PS3.3 F.5.18. */
    IMAGE("IMAGE", type1(Tag.InstanceNumber, VR.IS, "0")),
    /** PS3.3 F.5.6. */
    RT_DOSE("RT DOSE", type1(Tag.InstanceNumber, VR.IS, "0"), type1(Tag.DoseSummationType, VR.CS, "PLAN"),
            optional(Tag.DoseComment, VR.LO)),
    /** PS3.3 F.5.7. */
    RT_STRUCTURE_SET("RT STRUCTURE SET", type1(Tag.InstanceNumber, VR.IS, "0"),
            type1(Tag.StructureSetLabel, VR.SH, "UNNAMED"), type2(Tag.StructureSetDate, VR.DA),
            type2(Tag.StructureSetTime, VR.TM)),
    /** PS3.3 F.5.8. */
    RT_PLAN("RT PLAN", type1(Tag.InstanceNumber, VR.IS, "0"), type1(Tag.RTPlanLabel, VR.SH, "UNNAMED"),
            type2(Tag.RTPlanDate, VR.DA), type2(Tag.RTPlanTime, VR.TM)),
    /** PS3.3 F.5.9. */
    RT_TREAT_RECORD("RT TREAT RECORD", type1(Tag.InstanceNumber, VR.IS, "0"), type2(Tag.TreatmentDate, VR.DA),
            type2(Tag.TreatmentTime, VR.TM)),
    /** PS3.3 F.5.10. */
    PRESENTATION("PRESENTATION", type1(Tag.PresentationCreationDate, VR.DA, "19000101"),
            type1(Tag.PresentationCreationTime, VR.TM, "000000"), type1(Tag.InstanceNumber, VR.IS, "0"),
            type1(Tag.ContentLabel, VR.CS, "UNNAMED"), type2(Tag.ContentDescription, VR.LO),
            type2(Tag.ContentCreatorName, VR.PN), optional(Tag.ReferencedSeriesSequence, VR.SQ),
            optional(Tag.BlendingSequence, VR.SQ)),
    /** PS3.3 F.5.11. */
    WAVEFORM("WAVEFORM", type1(Tag.InstanceNumber, VR.IS, "0"), type1(Tag.ContentDate, VR.DA, "19000101"),
            type1(Tag.ContentTime, VR.TM, "000000")),
    /** PS3.3 F.5.12; Content Sequence reduced to HAS CONCEPT MOD items by {@link DirectoryRecords}. */
    SR_DOCUMENT("SR DOCUMENT", type1(Tag.InstanceNumber, VR.IS, "0"), type1(Tag.CompletionFlag, VR.CS, "PARTIAL"),
            type1(Tag.VerificationFlag, VR.CS, "UNVERIFIED"), type1(Tag.ContentDate, VR.DA, "19000101"),
            type1(Tag.ContentTime, VR.TM, "000000"), optional(Tag.VerificationDateTime, VR.DT),
            type1(Tag.ConceptNameCodeSequence, VR.SQ, null)),
    /** PS3.3 F.5.13. */
    KEY_OBJECT_DOC("KEY OBJECT DOC", type1(Tag.InstanceNumber, VR.IS, "0"),
            type1(Tag.ContentDate, VR.DA, "19000101"), type1(Tag.ContentTime, VR.TM, "000000"),
            type1(Tag.ConceptNameCodeSequence, VR.SQ, null)),
    /** PS3.3 F.5.14. */
    SPECTROSCOPY("SPECTROSCOPY", type1(Tag.ImageType, VR.CS, "ORIGINAL"), type1(Tag.ContentDate, VR.DA, "19000101"),
            type1(Tag.ContentTime, VR.TM, "000000"), type1(Tag.InstanceNumber, VR.IS, "0"),
            optional(Tag.ReferencedImageEvidenceSequence, VR.SQ), type1(Tag.NumberOfFrames, VR.IS, "1"),
            type1(Tag.Rows, VR.US, null), type1(Tag.Columns, VR.US, null), type1(Tag.DataPointRows, VR.UL, null),
            type1(Tag.DataPointColumns, VR.UL, null)),
    /** PS3.3 F.5.15. */
    RAW_DATA("RAW DATA", type1(Tag.ContentDate, VR.DA, "19000101"), type1(Tag.ContentTime, VR.TM, "000000"),
            type1(Tag.InstanceNumber, VR.IS, "0")),
    /** PS3.3 F.5.16. */
    REGISTRATION("REGISTRATION", contentIdentification()),
    /** PS3.3 F.5.17. */
    FIDUCIAL("FIDUCIAL", contentIdentification()),
    /** PS3.3 F.5.20. */
    ENCAP_DOC("ENCAP DOC", type2(Tag.ContentDate, VR.DA), type2(Tag.ContentTime, VR.TM),
            type1(Tag.InstanceNumber, VR.IS, "0"), type2(Tag.DocumentTitle, VR.ST),
            optional(Tag.HL7InstanceIdentifier, VR.ST), type2(Tag.ConceptNameCodeSequence, VR.SQ),
            type1(Tag.MIMETypeOfEncapsulatedDocument, VR.LO, "application/octet-stream")),
    /** PS3.3 F.5.21. */
    VALUE_MAP("VALUE MAP", contentIdentification()),
    /** PS3.3 F.5.22: no keys. */
    STEREOMETRIC("STEREOMETRIC"),
    /** PS3.3 F.5.27: no keys. */
    PLAN("PLAN"),
    /** PS3.3 F.5.28. */
    MEASUREMENT("MEASUREMENT", contentIdentification()),
    /** PS3.3 F.5.29. */
    SURFACE("SURFACE", contentIdentification()),
    /** PS3.3 F.5.30. */
    SURFACE_SCAN("SURFACE SCAN", type1(Tag.ContentDate, VR.DA, "19000101"), type1(Tag.ContentTime, VR.TM, "000000")),
    /** PS3.3 F.5.31. */
    TRACT("TRACT", contentIdentification()),
    /** PS3.3 F.5.32. */
    ASSESSMENT("ASSESSMENT", type1(Tag.InstanceNumber, VR.IS, "0"),
            type1(Tag.InstanceCreationDate, VR.DA, "19000101"), type2(Tag.InstanceCreationTime, VR.TM)),
    /** PS3.3 F.5.33. */
    RADIOTHERAPY("RADIOTHERAPY", type1(Tag.InstanceNumber, VR.IS, "0"), optional(Tag.UserContentLabel, VR.SH),
            optional(Tag.UserContentLongLabel, VR.LO), type2(Tag.ContentDescription, VR.LO),
            type2(Tag.ContentCreatorName, VR.PN));

    private final String code;
    private final List<RecordKey> keys;

    RecordType(String code, RecordKey... keys) {
        this.code = code;
        this.keys = List.of(keys);
    }

    /** The value of Directory Record Type (0004,1430). */
    public String code() {
        return code;
    }

    /** Keys in the order of PS3.3 F.5 (the record sorts them by tag anyway). */
    public List<RecordKey> keys() {
        return keys;
    }

    /** Whether records of this type reference an instance (everything below SERIES). */
    public boolean isInstanceLevel() {
        return ordinal() > SERIES.ordinal();
    }

    /** The type named {@code code}, or {@code null} for types not listed here (PRIVATE, HANGING PROTOCOL …). */
    public static RecordType ofCode(String code) {
        for (RecordType t : values()) {
            if (t.code.equals(code)) {
                return t;
            }
        }
        return null;
    }

    /** Content Identification Macro keys (PS3.3 Table 10-12) with Content Date/Time, as F.5.16 and others use. */
    private static RecordKey[] contentIdentification() {
        return new RecordKey[] {type1(Tag.ContentDate, VR.DA, "19000101"), type1(Tag.ContentTime, VR.TM, "000000"),
            type1(Tag.InstanceNumber, VR.IS, "0"), type1(Tag.ContentLabel, VR.CS, "UNNAMED"),
            type2(Tag.ContentDescription, VR.LO), type2(Tag.ContentCreatorName, VR.PN)};
    }
}
