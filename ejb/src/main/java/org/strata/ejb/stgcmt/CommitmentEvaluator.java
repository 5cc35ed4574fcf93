package org.strata.ejb.stgcmt;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.strata.dicom.core.Attributes;
import org.strata.dicom.core.Tag;
import org.strata.dicom.core.VR;
import org.strata.dicom.core.dict.UidDictionary;
import org.strata.ejb.entity.Location;
import org.strata.ejb.store.OnlineStorage;
import org.strata.hsm.digest.Sha256;
import org.strata.hsm.digest.StoredObject;

/**
 * Decides, instance by instance, whether the archive commits to a requested SOP instance
 * (PS3.4 J.3.2.2, J.3.3.1 and the Failure Reasons of PS3.3 C.14.1.1): it must be indexed with the
 * requested SOP class, its online copy must read back with the SHA-256 digest recorded at ingest,
 * and under {@link CommitPolicy#SECOND_TIER} a copy must also exist on another tier.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class CommitmentEvaluator {

    private static final Logger LOG = Logger.getLogger(CommitmentEvaluator.class.getName());

    /** Failure Reasons (PS3.3 C.14.1.1). */
    static final int PROCESSING_FAILURE = 0x0110;
    static final int NO_SUCH_OBJECT_INSTANCE = 0x0112;
    static final int CLASS_INSTANCE_CONFLICT = 0x0119;
    static final int REFERENCED_SOP_CLASS_NOT_SUPPORTED = 0x0122;

    static final int QUERY_CHUNK = 500;

    @PersistenceContext(unitName = "strata")
    EntityManager em;

    @EJB
    OnlineStorage online;

    /** One requested instance's outcome: committed (reason 0), pending (-1) or a Failure Reason. */
    record Outcome(String sopClassUid, String sopInstanceUid, int reason) {
        static final int COMMITTED = 0;
        static final int WAITING = -1;
    }

    /**
     * Evaluates a request. With {@code final} true, instances still waiting for a second copy
     * fail with 0110; otherwise the report is incomplete while any waits.
     */
    public CommitmentReport evaluate(Attributes request, CommitPolicy policy, boolean last) {
        List<Attributes> refs = request.getSequence(Tag.ReferencedSOPSequence).items();
        Map<String, List<Location>> locations = locations(refs);
        List<Outcome> outcomes = new ArrayList<>(refs.size());
        for (Attributes ref : refs) {
            String cuid = ref.getString(Tag.ReferencedSOPClassUID);
            String iuid = ref.getString(Tag.ReferencedSOPInstanceUID);
            int reason = outcome(cuid, iuid, locations.getOrDefault(iuid, List.of()), policy);
            if (reason == Outcome.WAITING && last) {
                reason = PROCESSING_FAILURE;
            }
            outcomes.add(new Outcome(cuid, iuid, reason));
        }
        return report(request.getString(Tag.TransactionUID), outcomes);
    }

    private Map<String, List<Location>> locations(List<Attributes> refs) {
        Map<String, List<Location>> byUid = new HashMap<>();
        List<String> uids = refs.stream().map(r -> r.getString(Tag.ReferencedSOPInstanceUID)).distinct().toList();
        for (int i = 0; i < uids.size(); i += QUERY_CHUNK) {
            List<String> chunk = uids.subList(i, Math.min(uids.size(), i + QUERY_CHUNK));
            em.createQuery("SELECT l FROM Location l JOIN FETCH l.instance i WHERE i.sopInstanceUid IN :uids",
                    Location.class).setParameter("uids", chunk).getResultStream()
                    .forEach(l -> byUid.computeIfAbsent(l.getInstance().getSopInstanceUid(), k -> new ArrayList<>())
                            .add(l));
        }
        return byUid;
    }

    private int outcome(String cuid, String iuid, List<Location> copies, CommitPolicy policy) {
        if (copies.isEmpty()) {
            boolean knownStorageClass = UidDictionary.standard().lookup(cuid)
                    .map(e -> e.type().equals("SOP Class") && e.name().contains("Storage")).orElse(false);
            return knownStorageClass ? NO_SUCH_OBJECT_INSTANCE : REFERENCED_SOP_CLASS_NOT_SUPPORTED;
        }
        if (!copies.get(0).getInstance().getSopClassUid().equals(cuid)) {
            return CLASS_INSTANCE_CONFLICT;
        }
        Location onlineCopy = copies.stream().filter(l -> l.getStorageId().equals(OnlineStorage.STORAGE_ID))
                .findFirst().orElse(null);
        if (onlineCopy == null || !verifies(onlineCopy)) {
            return PROCESSING_FAILURE;
        }
        if (policy == CommitPolicy.SECOND_TIER
                && copies.stream().map(Location::getStorageId).distinct().count() < 2) {
            return Outcome.WAITING;
        }
        return Outcome.COMMITTED;
    }

    /** Reads the online copy to its end through the digest layer: size and SHA-256 must match. */
    private boolean verifies(Location l) {
        StoredObject expected = new StoredObject(l.getObjectId(), l.getSizeBytes(), new Sha256(l.getDigest()));
        try (InputStream in = online.digesting().readVerified(expected)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return true;
        } catch (IOException e) {
            LOG.warning(() -> "storage commitment: " + l.getInstance().getSopInstanceUid() + " on tier "
                    + l.getStorageId() + " does not verify: " + e.getMessage());
            return false;
        }
    }

    /** PS3.4 J.3.3.1 Table J.3-2: the Event Information of the N-EVENT-REPORT. */
    static CommitmentReport report(String transactionUid, List<Outcome> outcomes) {
        Attributes info = new Attributes().setString(Tag.TransactionUID, VR.UI, transactionUid);
        List<Outcome> committed = outcomes.stream().filter(o -> o.reason() == Outcome.COMMITTED).toList();
        List<Outcome> failed = outcomes.stream().filter(o -> o.reason() > 0).toList();
        boolean waiting = outcomes.stream().anyMatch(o -> o.reason() == Outcome.WAITING);
        if (!committed.isEmpty()) {
            var seq = info.newSequence(Tag.ReferencedSOPSequence);
            committed.forEach(o -> seq.newItem().setString(Tag.ReferencedSOPClassUID, VR.UI, o.sopClassUid())
                    .setString(Tag.ReferencedSOPInstanceUID, VR.UI, o.sopInstanceUid()));
        }
        if (!failed.isEmpty()) {
            var seq = info.newSequence(Tag.FailedSOPSequence);
            failed.forEach(o -> seq.newItem().setString(Tag.ReferencedSOPClassUID, VR.UI, o.sopClassUid())
                    .setString(Tag.ReferencedSOPInstanceUID, VR.UI, o.sopInstanceUid())
                    .setInt(Tag.FailureReason, VR.US, o.reason()));
        }
        return new CommitmentReport(info, failed.isEmpty() ? CommitmentReport.ALL_SUCCESSFUL
                : CommitmentReport.FAILURES_EXIST, failed.size(), !waiting);
    }
}
