package org.strata.ejb.hsm;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.strata.ejb.entity.Availability;
import org.strata.ejb.entity.Study;

/** Where a study's copies are, and the migrate / recall requests an administrator makes for it. */
@Stateless
@PermitAll
public class StudyStorage {

    @PersistenceContext(unitName = "strata")
    private EntityManager em;

    @EJB
    CopyStore copies;

    @EJB
    JobQueue queue;

    @EJB
    TierRegistry registry;

    /** Copies of a study on one tier. */
    public record TierCopies(String tier, String availability, int instances, long bytes) {
    }

    /** Availability (0008,0056) of the study, its copies per tier, and when it was last stored or retrieved. */
    public record Status(String studyInstanceUid, String availability, int instances, List<TierCopies> tiers,
                         Instant accessedAt) {
    }

    public Optional<Status> status(String studyInstanceUid) {
        List<Study> studies = em.createNamedQuery(Study.FIND_BY_UID, Study.class).setParameter("uid", studyInstanceUid)
                .getResultList();
        if (studies.isEmpty()) {
            return Optional.empty();
        }
        Study s = studies.get(0);
        em.refresh(s);
        Map<String, long[]> perTier = new TreeMap<>();
        Map<String, Availability> availability = new HashMap<>();
        for (CopyStore.Copy c : copies.copiesOfStudy(studyInstanceUid)) {
            long[] counts = perTier.computeIfAbsent(c.storageId(), k -> new long[2]);
            counts[0]++;
            counts[1] += c.size();
            availability.merge(c.storageId(), registry.availabilityOf(c.storageId(), c.objectId()),
                    (a, b) -> a.ordinal() >= b.ordinal() ? a : b); // an exported volume makes the tier's copies OFFLINE
        }
        List<TierCopies> tiers = perTier.entrySet().stream().map(e -> new TierCopies(e.getKey(),
                availability.get(e.getKey()).name(), (int) e.getValue()[0], e.getValue()[1])).toList();
        return Optional.of(new Status(studyInstanceUid, s.getAvailability().name(), s.getNumberOfInstances(), tiers,
                s.getAccessedAt()));
    }

    /** Enqueues a move (or, keeping the source, a copy) of the study to a tier; returns the job id. */
    public long migrate(String studyInstanceUid, String tier, boolean keepSource) {
        requireStudy(studyInstanceUid);
        registry.provider(tier);
        return queue.enqueue(JobRequest.migrate(studyInstanceUid, tier, keepSource), Instant.now()).getPk();
    }

    /** Enqueues a recall of the study to the online tier; returns the job id. */
    public long recall(String studyInstanceUid) {
        requireStudy(studyInstanceUid);
        return queue.enqueue(JobRequest.recall(studyInstanceUid), Instant.now()).getPk();
    }

    private void requireStudy(String studyInstanceUid) {
        if (em.createNamedQuery(Study.FIND_BY_UID, Study.class).setParameter("uid", studyInstanceUid)
                .getResultList().isEmpty()) {
            throw new HsmRequestException("no study " + studyInstanceUid);
        }
    }
}
