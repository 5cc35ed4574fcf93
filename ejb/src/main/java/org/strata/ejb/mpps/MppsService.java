package org.strata.ejb.mpps;

import jakarta.ejb.EJB;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.strata.dicom.core.Attributes;
import org.strata.dicom.core.Sequence;
import org.strata.dicom.core.Tag;
import org.strata.dicom.core.UID;
import org.strata.ejb.dimse.DataSetCodec;
import org.strata.ejb.dimse.NService;
import org.strata.ejb.ian.IanService;
import org.strata.ejb.mwl.WorklistService;
import org.strata.ejb.outbound.OutboundQueue;
import org.strata.jca.api.AssociationInfo;
import org.strata.jca.api.DimseStatus;
import org.strata.jca.api.NOperation;
import org.strata.jca.api.NServiceRequest;
import org.strata.jca.api.NServiceResponse;

/**
 * Modality Performed Procedure Step SCP (PS3.4 F.7): N-CREATE in IN PROGRESS, N-SET until
 * COMPLETED or DISCONTINUED, nothing after. Each accepted request, in one transaction, updates the
 * worklist item of the scheduled step, queues the copies for the forwarding AEs (setting
 * {@code mpps.forward-aets}) and, when final, links the performed series to the stored ones;
 * a DISCONTINUED step with reason DCM 110514 "Incorrect worklist entry selected" flags the
 * instances of its series for the administrator; a COMPLETED step has the IAN of its study queued.
 */
@Stateless
@LocalBean
public class MppsService implements NService {

    private static final Logger LOG = Logger.getLogger(MppsService.class.getName());

    public static final String FORWARD_AETS = "mpps.forward-aets";
    public static final String FORWARD_PURPOSE = "MPPS-FORWARD";
    /** DCM 110514 "Incorrect worklist entry selected" (PS3.16 CID 9300). */
    static final String WRONG_WORKLIST_ENTRY = "110514";

    static final int DUPLICATE_SOP_INSTANCE = 0x0111;
    static final int NO_SUCH_SOP_INSTANCE = 0x0112;
    static final int UNRECOGNIZED_OPERATION = 0x0211;

    @PersistenceContext(unitName = "strata")
    EntityManager em;

    @EJB
    WorklistService worklist;

    @EJB
    OutboundQueue outbound;

    @EJB
    MppsCompletion completion;

    @EJB
    IanService ian;

    @Override
    public Set<String> sopClassUids() {
        return Set.of(UID.ModalityPerformedProcedureStep);
    }

    @Override
    public NServiceResponse handle(AssociationInfo as, NServiceRequest rq, Attributes dataSet) {
        return switch (rq.operation()) {
            case N_CREATE -> create(as, rq, dataSet);
            case N_SET -> set(as, rq, dataSet);
            default -> NServiceResponse.of(UNRECOGNIZED_OPERATION, rq.operation() + " is not part of MPPS");
        };
    }

    /** PS3.4 F.7.2.1. */
    private NServiceResponse create(AssociationInfo as, NServiceRequest rq, Attributes ds) {
        DimseStatus refused = MppsRules.checkCreate(ds);
        if (refused != null) {
            LOG.info(() -> as.name() + ": MPPS N-CREATE refused: " + refused.comment());
            return NServiceResponse.of(refused);
        }
        boolean assigned = rq.sopInstanceUid() == null;
        String uid = assigned ? org.strata.dicom.core.Uids.random() : rq.sopInstanceUid();
        if (find(uid).isPresent()) {
            return NServiceResponse.of(DUPLICATE_SOP_INSTANCE, "MPPS " + uid + " exists");
        }
        Sequence ssas = ds.getSequence(Tag.ScheduledStepAttributesSequence);
        em.persist(new PerformedProcedureStep(uid, ssas.get(0).getString(Tag.StudyInstanceUID),
                MppsRules.IN_PROGRESS, as.callingAeTitle(), DataSetCodec.encode(ds)));
        followWorklist(ds, "STARTED");
        forward(NOperation.N_CREATE, uid, ds);
        LOG.info(() -> as.name() + ": MPPS " + uid + " IN PROGRESS");
        return assigned ? NServiceResponse.SUCCESS.withAffectedSopInstanceUid(uid) : NServiceResponse.SUCCESS;
    }

    /** PS3.4 F.7.2.2. */
    private NServiceResponse set(AssociationInfo as, NServiceRequest rq, Attributes mods) {
        Optional<PerformedProcedureStep> found = find(rq.sopInstanceUid());
        if (found.isEmpty()) {
            return NServiceResponse.of(NO_SUCH_SOP_INSTANCE, "no MPPS " + rq.sopInstanceUid());
        }
        PerformedProcedureStep mpps = found.get();
        Attributes current = DataSetCodec.decode(mpps.getAttributes());
        DimseStatus refused = MppsRules.checkSet(current, mods);
        if (refused == null && mods != null) {
            current.addAll(mods);
            refused = MppsRules.checkFinal(current);
        }
        if (refused != null) {
            DimseStatus r = refused;
            LOG.info(() -> as.name() + ": MPPS N-SET " + rq.sopInstanceUid() + " refused: " + r.comment());
            return NServiceResponse.of(refused);
        }
        String state = current.getString(Tag.PerformedProcedureStepStatus);
        mpps.update(state, DataSetCodec.encode(current));
        if (MppsRules.COMPLETED.equals(state) || MppsRules.DISCONTINUED.equals(state)) {
            followWorklist(current, state);
            completion.finished(mpps.getSopInstanceUid(), current, isWrongWorklistEntry(current));
        }
        if (MppsRules.COMPLETED.equals(state) && mpps.getStudyInstanceUid() != null) {
            ian.notifyStudy(mpps.getStudyInstanceUid(), mpps.getSopInstanceUid()); // PS3.4 R: the study is complete
        }
        forward(NOperation.N_SET, mpps.getSopInstanceUid(), mods);
        LOG.info(() -> as.name() + ": MPPS " + rq.sopInstanceUid() + " " + state);
        return NServiceResponse.SUCCESS;
    }

    /** The scheduled steps the MPPS performs take its state (MWL Scheduled Procedure Step Status). */
    private void followWorklist(Attributes mpps, String spsStatus) {
        for (Attributes step : mpps.getSequence(Tag.ScheduledStepAttributesSequence)) {
            String spsId = step.getString(Tag.ScheduledProcedureStepID);
            if (spsId != null && !spsId.isBlank()) {
                worklist.updateStatus(spsId, spsStatus);
            }
        }
    }

    private void forward(NOperation op, String uid, Attributes ds) {
        for (String aet : outbound.aeTitles(FORWARD_AETS)) {
            outbound.enqueue(FORWARD_PURPOSE, aet, op, UID.ModalityPerformedProcedureStep, uid, ds);
        }
    }

    static boolean isWrongWorklistEntry(Attributes mpps) {
        if (!MppsRules.DISCONTINUED.equals(mpps.getString(Tag.PerformedProcedureStepStatus))) {
            return false;
        }
        Sequence reasons = mpps.getSequence(Tag.PerformedProcedureStepDiscontinuationReasonCodeSequence);
        if (reasons == null) {
            return false;
        }
        for (Attributes code : reasons) {
            if (WRONG_WORKLIST_ENTRY.equals(code.getString(Tag.CodeValue))
                    && "DCM".equals(code.getString(Tag.CodingSchemeDesignator))) {
                return true;
            }
        }
        return false;
    }

    public Optional<PerformedProcedureStep> find(String uid) {
        return em.createNamedQuery(PerformedProcedureStep.FIND_BY_UID, PerformedProcedureStep.class)
                .setParameter("uid", uid).getResultStream().findFirst();
    }

    /** What the API shows of an MPPS: its state, its performed series with their stored instances, the flags. */
    public record View(String sopInstanceUid, String status, List<String> performedSeries, long storedInstances,
                       List<String> flaggedInstances) {
    }

    public Optional<View> view(String uid) {
        return find(uid).map(m -> {
            Attributes ds = DataSetCodec.decode(m.getAttributes());
            List<String> series = new ArrayList<>();
            Sequence ps = ds.getSequence(Tag.PerformedSeriesSequence);
            if (ps != null) {
                ps.forEach(s -> series.add(s.getString(Tag.SeriesInstanceUID)));
            }
            long stored = series.isEmpty() ? 0 : em.createQuery("SELECT COUNT(i) FROM Instance i WHERE "
                    + "i.series.seriesInstanceUid IN :uids", Long.class).setParameter("uids", series).getSingleResult();
            List<String> flagged = em.createNamedQuery(FlaggedInstance.BY_MPPS, FlaggedInstance.class)
                    .setParameter("uid", uid).getResultStream().map(FlaggedInstance::getSopInstanceUid).toList();
            return new View(uid, m.getStatus(), series, stored, flagged);
        });
    }


}
