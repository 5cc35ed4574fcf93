package org.strata.ejb.mpps;

import java.util.List;
import org.strata.dicom.core.Attributes;
import org.strata.dicom.core.Sequence;
import org.strata.dicom.core.Tag;
import org.strata.jca.api.DimseStatus;

/**
 * The attribute rules of PS3.4 Table F.7.2-1 for N-CREATE and N-SET of a Modality Performed
 * Procedure Step, and the state rules of F.7.2.2.2. Each check returns the status to refuse
 * with, or null when the request is acceptable.
 */
public final class MppsRules {

    public static final String IN_PROGRESS = "IN PROGRESS";
    public static final String COMPLETED = "COMPLETED";
    public static final String DISCONTINUED = "DISCONTINUED";

    static final int INVALID_ATTRIBUTE_VALUE = 0x0106;
    static final int PROCESSING_FAILURE = 0x0110;
    static final int MISSING_ATTRIBUTE = 0x0120;
    static final int MISSING_ATTRIBUTE_VALUE = 0x0121;

    /** Type 1 attributes of the N-CREATE (Table F.7.2-1). */
    static final List<Integer> CREATE_TYPE_1 = List.of(Tag.ScheduledStepAttributesSequence,
            Tag.PerformedProcedureStepID, Tag.PerformedStationAETitle, Tag.PerformedProcedureStepStartDate,
            Tag.PerformedProcedureStepStartTime, Tag.PerformedProcedureStepStatus, Tag.Modality);

    /** Attributes Table F.7.2-1 marks "Not allowed" for the N-SET. */
    static final List<Integer> SET_NOT_ALLOWED = List.of(Tag.ScheduledStepAttributesSequence, Tag.PatientName,
            Tag.PatientID, Tag.PatientBirthDate, Tag.PatientSex, Tag.ReferencedPatientSequence,
            Tag.PerformedProcedureStepID, Tag.PerformedStationAETitle, Tag.PerformedStationName,
            Tag.PerformedLocation, Tag.PerformedProcedureStepStartDate, Tag.PerformedProcedureStepStartTime,
            Tag.Modality, Tag.StudyID);

    private MppsRules() {
    }

    /** PS3.4 F.7.2.1: N-CREATE attribute list. */
    public static DimseStatus checkCreate(Attributes ds) {
        if (ds == null) {
            return DimseStatus.of(MISSING_ATTRIBUTE, "no attribute list");
        }
        for (int tag : CREATE_TYPE_1) {
            DimseStatus s = type1(ds, tag);
            if (s != null) {
                return s;
            }
        }
        Sequence ssas = ds.getSequence(Tag.ScheduledStepAttributesSequence);
        for (Attributes item : ssas) {
            DimseStatus s = type1(item, Tag.StudyInstanceUID);
            if (s != null) {
                return s;
            }
        }
        String status = ds.getString(Tag.PerformedProcedureStepStatus);
        if (!IN_PROGRESS.equals(status)) {
            return DimseStatus.of(INVALID_ATTRIBUTE_VALUE, "Performed Procedure Step Status must be IN PROGRESS, not "
                    + status);
        }
        return null;
    }

    /** PS3.4 F.7.2.2: N-SET modification list against the current state. */
    public static DimseStatus checkSet(Attributes current, Attributes modifications) {
        String state = current.getString(Tag.PerformedProcedureStepStatus);
        if (!IN_PROGRESS.equals(state)) {
            return DimseStatus.of(PROCESSING_FAILURE, "Performed Procedure Step Object may no longer be updated");
        }
        if (modifications == null) {
            return null;
        }
        for (int tag : SET_NOT_ALLOWED) {
            if (modifications.contains(tag)) {
                return DimseStatus.of(INVALID_ATTRIBUTE_VALUE, String.format("(%04X,%04X) may not be set",
                        tag >>> 16, tag & 0xFFFF));
            }
        }
        if (modifications.contains(Tag.PerformedProcedureStepStatus)) {
            String next = modifications.getString(Tag.PerformedProcedureStepStatus);
            if (!IN_PROGRESS.equals(next) && !COMPLETED.equals(next) && !DISCONTINUED.equals(next)) {
                return DimseStatus.of(INVALID_ATTRIBUTE_VALUE, "Performed Procedure Step Status " + next);
            }
        }
        return null;
    }

    /** PS3.4 F.7.2.2.2: what a final state needs once the modifications are applied. */
    public static DimseStatus checkFinal(Attributes merged) {
        String state = merged.getString(Tag.PerformedProcedureStepStatus);
        if (!COMPLETED.equals(state) && !DISCONTINUED.equals(state)) {
            return null;
        }
        for (int tag : List.of(Tag.PerformedProcedureStepEndDate, Tag.PerformedProcedureStepEndTime)) {
            String v = merged.getString(tag);
            if (v == null || v.isBlank()) {
                return DimseStatus.of(MISSING_ATTRIBUTE_VALUE, String.format("(%04X,%04X) needs a value when %s",
                        tag >>> 16, tag & 0xFFFF, state));
            }
        }
        Sequence series = merged.getSequence(Tag.PerformedSeriesSequence);
        if (COMPLETED.equals(state) && (series == null || series.isEmpty())) {
            return DimseStatus.of(MISSING_ATTRIBUTE_VALUE, "Performed Series Sequence needs an item when COMPLETED");
        }
        return null;
    }

    private static DimseStatus type1(Attributes ds, int tag) {
        if (!ds.contains(tag)) {
            return DimseStatus.of(MISSING_ATTRIBUTE, String.format("(%04X,%04X) missing", tag >>> 16, tag & 0xFFFF));
        }
        boolean empty = ds.getVR(tag) == org.strata.dicom.core.VR.SQ
                ? ds.getSequence(tag) == null || ds.getSequence(tag).isEmpty()
                : ds.getString(tag) == null || ds.getString(tag).isBlank();
        return empty ? DimseStatus.of(MISSING_ATTRIBUTE_VALUE, String.format("(%04X,%04X) empty", tag >>> 16,
                tag & 0xFFFF)) : null;
    }
}
