package org.strata.ejb.hsm;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.strata.ejb.entity.Availability;
import org.strata.ejb.entity.Instance;
import org.strata.ejb.entity.Location;
import org.strata.ejb.entity.Study;
import org.strata.hsm.digest.Sha256;
import org.strata.hsm.digest.StoredObject;

/**
 * The copies (location rows) of studies, each change (of one copy, or of a batch of a study's
 * copies) in its own transaction: a copy is recorded
 * only after it was verified on its tier; a copy is released by removing its row and noting its
 * object for deletion in one transaction; availability follows the copies.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class CopyStore {

    @PersistenceContext(unitName = "strata")
    private EntityManager em;

    @EJB
    TierRegistry registry;

    @EJB
    LocationCache locations;

    /** One copy of one instance. */
    public record Copy(long locationPk, long instancePk, String sopInstanceUid, String storageId, String objectId,
                       long size, String digest) {

        public StoredObject object() {
            return new StoredObject(objectId, size, new Sha256(digest));
        }
    }

    private static final String COPY_COLUMNS =
            "SELECT l.pk, i.pk, i.sopInstanceUid, l.storageId, l.objectId, l.sizeBytes, l.digest";

    private static Copy copy(Object[] r) {
        return new Copy((Long) r[0], (Long) r[1], (String) r[2], (String) r[3], (String) r[4], (Long) r[5], (String) r[6]);
    }

    public List<Copy> copiesOfStudy(String studyInstanceUid) {
        return em.createQuery(COPY_COLUMNS + " FROM Location l JOIN l.instance i JOIN i.series se JOIN se.study s"
                        + " WHERE s.studyInstanceUid = :study ORDER BY i.pk, l.pk", Object[].class)
                .setParameter("study", studyInstanceUid).getResultList().stream()
                .map(CopyStore::copy).toList();
    }

    /** The copy with this object id on this tier, if recorded: from the location cache, else the database. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Copy cachedCopyOf(String storageId, String objectId) {
        Copy cached = locations.get(storageId, objectId).orElse(null);
        if (cached != null) {
            return cached;
        }
        Copy c = copyOf(storageId, objectId);
        if (c != null) {
            locations.put(c);
        }
        return c;
    }

    /** The copy with this object id on this tier, if recorded. */
    public Copy copyOf(String storageId, String objectId) {
        List<Object[]> rows = em.createQuery(COPY_COLUMNS + " FROM Location l JOIN l.instance i WHERE l.storageId = :tier AND l.objectId = :id",
                        Object[].class).setParameter("tier", storageId).setParameter("id", objectId).getResultList();
        if (rows.isEmpty()) {
            return null;
        }
        return copy(rows.get(0));
    }

    /** Copies on a tier in id order after {@code afterPk}: the scrubber's window. */
    public List<Copy> copiesOnTier(String storageId, long afterPk, int max) {
        return em.createQuery(COPY_COLUMNS + " FROM Location l JOIN l.instance i WHERE l.storageId = :tier AND l.pk > :after ORDER BY l.pk",
                        Object[].class).setParameter("tier", storageId).setParameter("after", afterPk)
                .setMaxResults(max).getResultList().stream()
                .map(CopyStore::copy).toList();
    }

    /** Every copy of the instance whose copy this is. */
    public List<Copy> copiesOfSameInstance(Copy copy) {
        return em.createQuery(COPY_COLUMNS + " FROM Location l JOIN l.instance i WHERE i.pk = :i ORDER BY l.pk", Object[].class)
                .setParameter("i", copy.instancePk()).getResultList().stream()
                .map(CopyStore::copy).toList();
    }

    /** One verified copy of one instance, to record. */
    public record Verified(long instancePk, StoredObject object) {
    }

    /**
     * Records verified copies on one tier in one transaction (a batch of a study's instances,
     * one query for those already recorded); recording a copy twice records it once.
     */
    public void recordAll(String storageId, List<Verified> verified, Instant now) {
        if (verified.isEmpty()) {
            return;
        }
        Set<Long> recorded = new HashSet<>(em.createQuery("SELECT l.instance.pk FROM Location l"
                        + " WHERE l.storageId = :tier AND l.instance.pk IN :pks", Long.class)
                .setParameter("tier", storageId)
                .setParameter("pks", verified.stream().map(Verified::instancePk).toList()).getResultList());
        for (Verified v : verified) {
            if (recorded.add(v.instancePk())) {
                Instance instance = em.find(Instance.class, v.instancePk());
                if (instance != null) { // else deleted meanwhile
                    StoredObject o = v.object();
                    em.persist(new Location(instance, storageId, o.id(), o.size(), o.sha256().hex(), now));
                }
            }
            locations.invalidate(storageId, v.object().id());
        }
    }

    /** Records a verified copy; recording it twice records it once. */
    public void record(long instancePk, String storageId, StoredObject object, Instant now) {
        recordAll(storageId, List.of(new Verified(instancePk, object)), now);
    }

    /** Removes a copy's row and notes its object for deletion, in one transaction. */
    public void release(long locationPk) {
        releaseAll(List.of(locationPk));
    }

    /** Removes copies' rows and notes their objects for deletion, all in one transaction. */
    public void releaseAll(List<Long> locationPks) {
        for (long pk : locationPks) {
            Location l = em.find(Location.class, pk);
            if (l != null) {
                em.persist(new PendingDeletion(l.getStorageId(), l.getObjectId()));
                em.remove(l);
                locations.invalidate(l.getStorageId(), l.getObjectId());
            }
        }
    }

    public List<PendingDeletion> pendingDeletions() {
        return em.createNamedQuery(PendingDeletion.ALL, PendingDeletion.class).setMaxResults(1000).getResultList();
    }

    public void forget(long pendingDeletionPk) {
        forgetAll(List.of(pendingDeletionPk));
    }

    /** Forgets deletions done, in one transaction. */
    public void forgetAll(List<Long> pendingDeletionPks) {
        for (long pk : pendingDeletionPks) {
            PendingDeletion d = em.find(PendingDeletion.class, pk);
            if (d != null) {
                em.remove(d);
            }
        }
    }

    /**
     * Sets Instance Availability (0008,0056) of every instance of the study from its copies, and
     * the study's to the least available of its instances (PS3.3 C.4.23.1.1).
     */
    public Availability refreshAvailability(String studyInstanceUid) {
        List<Study> studies = em.createNamedQuery(Study.FIND_BY_UID, Study.class).setParameter("uid", studyInstanceUid)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
        if (studies.isEmpty()) {
            return Availability.UNAVAILABLE;
        }
        Map<Long, Availability> best = new HashMap<>();
        for (Copy c : copiesOfStudy(studyInstanceUid)) {
            best.merge(c.instancePk(), registry.availabilityOf(c.storageId(), c.objectId()),
                    (a, b) -> a.ordinal() <= b.ordinal() ? a : b);
        }
        Availability study = Availability.ONLINE;
        for (Instance i : em.createQuery("SELECT i FROM Instance i JOIN i.series se WHERE se.study = :s", Instance.class)
                .setParameter("s", studies.get(0)).getResultList()) {
            Availability a = best.getOrDefault(i.getPk(), Availability.UNAVAILABLE);
            if (i.getAvailability() != a) {
                i.setAvailability(a);
            }
            study = study.ordinal() >= a.ordinal() ? study : a;
        }
        if (studies.get(0).getAvailability() != study) {
            studies.get(0).setAvailability(study);
        }
        return study;
    }

    /** Study Instance UIDs of the studies with copies among these objects of a tier. */
    public List<String> studiesOf(String storageId, List<String> objectIds) {
        java.util.Set<String> studies = new java.util.TreeSet<>();
        for (int from = 0; from < objectIds.size(); from += 500) {
            studies.addAll(em.createQuery("SELECT DISTINCT s.studyInstanceUid FROM Location l JOIN l.instance i"
                            + " JOIN i.series se JOIN se.study s WHERE l.storageId = :tier AND l.objectId IN :ids", String.class)
                    .setParameter("tier", storageId)
                    .setParameter("ids", objectIds.subList(from, Math.min(objectIds.size(), from + 500))).getResultList());
        }
        return List.copyOf(studies);
    }

    /** The tier holding copies of the study that comes first in availability (online before nearline). */
    public String bestTier(String studyInstanceUid, String except) {
        return copiesOfStudy(studyInstanceUid).stream().map(Copy::storageId).filter(t -> !t.equals(except)).distinct()
                .min(registry.preference()).orElse(null);
    }
}
