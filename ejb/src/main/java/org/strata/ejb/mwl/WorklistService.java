package org.strata.ejb.mwl;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Logger;
import org.strata.dicom.core.Attributes;
import org.strata.dicom.core.Sequence;
import org.strata.dicom.core.Tag;
import org.strata.dicom.core.VR;
import org.strata.dicom.core.json.DicomJsonReader;
import org.strata.dicom.core.json.DicomJsonWriter;
import org.strata.ejb.dimse.DataSetCodec;
import org.strata.jca.api.AssociationInfo;
import org.strata.jca.api.DimseStatus;
import org.strata.jca.api.QueryResponses;

/**
 * Modality Worklist SCP (PS3.4 K) and the worklist behind it: items come in through REST, are
 * matched by {@link WorklistMatcher} for C-FIND, and their Scheduled Procedure Step Status follows
 * the MPPS of the step (IN PROGRESS → STARTED, COMPLETED, DISCONTINUED).
 */
@Stateless
public class WorklistService {

    private static final Logger LOG = Logger.getLogger(WorklistService.class.getName());

    public static final String SCHEDULED = "SCHEDULED";

    @PersistenceContext(unitName = "strata")
    EntityManager em;

    /** Thrown for an item that cannot be scheduled; the message says why (REST: 400). */
    @jakarta.ejb.ApplicationException(rollback = true)
    public static final class InvalidItemException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        public InvalidItemException(String message) {
            super(message);
        }
    }

    /**
     * Schedules an item. Required: Patient ID and one Scheduled Procedure Step Sequence item with
     * Modality and Scheduled Procedure Step Start Date; the Scheduled Procedure Step ID, Study
     * Instance UID and Requested Procedure ID are assigned when missing, the status is SCHEDULED
     * when missing.
     *
     * @return the item as stored
     */
    public Attributes create(Attributes item) {
        Sequence sps = item.getSequence(Tag.ScheduledProcedureStepSequence);
        if (sps == null || sps.size() != 1) {
            throw new InvalidItemException("exactly one Scheduled Procedure Step Sequence (0040,0100) item required");
        }
        Attributes step = sps.get(0);
        require(item, Tag.PatientID, "Patient ID (0010,0020)");
        require(step, Tag.Modality, "Modality (0008,0060) in the Scheduled Procedure Step");
        require(step, Tag.ScheduledProcedureStepStartDate, "Scheduled Procedure Step Start Date (0040,0002)");
        if (blank(step.getString(Tag.ScheduledProcedureStepID))) {
            step.setString(Tag.ScheduledProcedureStepID, VR.SH, "SPS" + ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L));
        }
        if (blank(step.getString(Tag.ScheduledProcedureStepStatus))) {
            step.setString(Tag.ScheduledProcedureStepStatus, VR.CS, SCHEDULED);
        }
        if (blank(item.getString(Tag.StudyInstanceUID))) {
            item.setString(Tag.StudyInstanceUID, VR.UI, org.strata.dicom.core.Uids.random());
        }
        if (blank(item.getString(Tag.RequestedProcedureID))) {
            item.setString(Tag.RequestedProcedureID, VR.SH, step.getString(Tag.ScheduledProcedureStepID));
        }
        String spsId = step.getString(Tag.ScheduledProcedureStepID);
        if (find(spsId).isPresent()) {
            throw new InvalidItemException("Scheduled Procedure Step ID " + spsId + " exists");
        }
        em.persist(new WorklistItem(spsId, item.getString(Tag.AccessionNumber), item.getString(Tag.StudyInstanceUID),
                step.getString(Tag.ScheduledStationAETitle), step.getString(Tag.ScheduledProcedureStepStartDate),
                step.getString(Tag.ScheduledProcedureStepStatus), DataSetCodec.encode(item)));
        LOG.info(() -> "worklist item " + spsId + " scheduled");
        return item;
    }

    /** {@link #create} for a DICOM JSON data set (PS3.18 F.2); returns the stored item as DICOM JSON. */
    public String createJson(String json) {
        Attributes item;
        try {
            item = DicomJsonReader.read(json);
        } catch (RuntimeException e) {
            throw new InvalidItemException("not a DICOM JSON data set: " + e.getMessage());
        }
        return DicomJsonWriter.toJson(create(item));
    }

    /** The item of a Scheduled Procedure Step ID as DICOM JSON. */
    public Optional<String> findJson(String spsId) {
        return find(spsId).map(DicomJsonWriter::toJson);
    }

    /** Every item, as a DICOM JSON array. */
    public String allJson() {
        return all().stream().map(DicomJsonWriter::toJson).collect(java.util.stream.Collectors.joining(",", "[", "]"));
    }

    public Optional<Attributes> find(String spsId) {
        return entity(spsId).map(w -> DataSetCodec.decode(w.getAttributes()));
    }

    public List<Attributes> all() {
        return em.createNamedQuery(WorklistItem.FIND_ALL, WorklistItem.class).getResultStream()
                .map(w -> DataSetCodec.decode(w.getAttributes())).toList();
    }

    public boolean delete(String spsId) {
        Optional<WorklistItem> w = entity(spsId);
        w.ifPresent(em::remove);
        return w.isPresent();
    }

    /**
     * Sets the Scheduled Procedure Step Status (0040,0020) of a step, as its MPPS reports
     * progress (PS3.4 F.7.2.1: the MPPS refers to its scheduled step).
     *
     * @return false when no item has that step ID
     */
    public boolean updateStatus(String spsId, String status) {
        Optional<WorklistItem> found = entity(spsId);
        if (found.isEmpty()) {
            return false;
        }
        WorklistItem w = found.get();
        Attributes item = DataSetCodec.decode(w.getAttributes());
        item.getSequence(Tag.ScheduledProcedureStepSequence).get(0).setString(Tag.ScheduledProcedureStepStatus,
                VR.CS, status);
        w.update(status, DataSetCodec.encode(item));
        LOG.info(() -> "worklist item " + spsId + " is " + status);
        return true;
    }

    /** C-FIND on the Modality Worklist Information Model (PS3.4 K.4.1.3): each match as a pending response. */
    public DimseStatus find(AssociationInfo as, Attributes identifier, QueryResponses responses) {
        int[] count = {0};
        boolean complete = em.createNamedQuery(WorklistItem.FIND_ALL, WorklistItem.class).getResultStream()
                .map(w -> DataSetCodec.decode(w.getAttributes()))
                .filter(item -> WorklistMatcher.matches(identifier, item))
                .allMatch(item -> {
                    count[0]++;
                    return responses.send(WorklistMatcher.response(identifier, item));
                });
        LOG.info(() -> as.name() + ": worklist C-FIND returned " + count[0] + (complete ? "" : " (cancelled)"));
        return DimseStatus.SUCCESS;
    }

    private Optional<WorklistItem> entity(String spsId) {
        return em.createNamedQuery(WorklistItem.FIND_BY_SPS, WorklistItem.class).setParameter("id", spsId)
                .getResultStream().findFirst();
    }

    private static void require(Attributes a, int tag, String what) {
        if (blank(a.getString(tag))) {
            throw new InvalidItemException(what + " required");
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

}
