package org.strata.ejb.hsm;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.strata.ejb.hsm.CopyStore.Copy;
import org.strata.hsm.digest.StoredObject;
import org.strata.hsm.migrate.ObjectCopier;

/**
 * Runs one job on one study, in idempotent steps that each commit on their own: copy every
 * instance missing on the target, verify the copies (ObjectCopier), record them, and only then
 * release the source copies (rows removed and objects noted for deletion in one transaction,
 * then the objects deleted); the database work of a step is one transaction per batch of up
 * to {@value #BATCH} instances, not one per instance. Running a job again after a crash
 * at any point finishes it without losing or duplicating a copy.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class JobRunner {

    private static final Logger LOG = Logger.getLogger(JobRunner.class.getName());

    /** Copies recorded, released or forgotten per transaction (a study is usually one batch). */
    static final int BATCH = 500;

    @EJB
    CopyStore copies;

    @EJB
    TierRegistry registry;

    @EJB
    CrashPoints crashPoints;

    @EJB
    AccessRecorder access;

    public void run(JobRequest job) throws IOException {
        Map<Long, List<Copy>> byInstance = new LinkedHashMap<>();
        for (Copy c : copies.copiesOfStudy(job.studyInstanceUid())) {
            byInstance.computeIfAbsent(c.instancePk(), k -> new ArrayList<>()).add(c);
        }
        if (job.action() == JobAction.DELETE) {
            delete(job, byInstance);
        } else {
            copy(job, byInstance);
            crashPoints.reached("after-record");
            if (job.action() == JobAction.MOVE && !job.keepSource()) {
                releaseSources(job, byInstance);
            }
            if (job.action() == JobAction.RECALL) {
                access.recalled(job.studyInstanceUid()); // recalled copies expire by a DELETE rule on last access
            }
        }
        copies.refreshAvailability(job.studyInstanceUid());
        deletePending();
    }

    private void copy(JobRequest job, Map<Long, List<Copy>> byInstance) throws IOException {
        Map<String, List<Copy>> bySource = new LinkedHashMap<>();
        for (List<Copy> instanceCopies : byInstance.values()) {
            if (on(instanceCopies, job.targetTier()) != null) {
                continue; // copied, verified and recorded by an earlier run
            }
            Copy source = job.sourceTier() != null ? on(instanceCopies, job.sourceTier()) : best(instanceCopies, job.targetTier());
            if (source != null) {
                bySource.computeIfAbsent(source.storageId(), k -> new ArrayList<>()).add(source);
            } else if (job.sourceTier() == null) {
                throw new IOException("instance " + instanceCopies.get(0).sopInstanceUid() + " has no copy to copy from");
            }
        }
        for (Map.Entry<String, List<Copy>> e : bySource.entrySet()) {
            List<StoredObject> objects = e.getValue().stream().map(Copy::object).toList();
            ObjectCopier copier = new ObjectCopier(registry.provider(e.getKey()), registry.provider(job.targetTier()));
            copier.write(objects);
            crashPoints.reached("after-copy");
            copier.verifyAll(objects);
            crashPoints.reached("after-verify");
            Instant now = Instant.now();
            for (List<Copy> batch : batches(e.getValue())) {
                copies.recordAll(job.targetTier(), batch.stream()
                        .map(c -> new CopyStore.Verified(c.instancePk(), c.object())).toList(), now);
            }
        }
    }

    /** Releases each source copy whose instance has a recorded (hence verified) copy on the target. */
    private void releaseSources(JobRequest job, Map<Long, List<Copy>> before) throws IOException {
        Map<Long, List<Copy>> now = new LinkedHashMap<>();
        for (Copy c : copies.copiesOfStudy(job.studyInstanceUid())) {
            now.computeIfAbsent(c.instancePk(), k -> new ArrayList<>()).add(c);
        }
        List<Long> released = new ArrayList<>();
        for (List<Copy> instanceCopies : now.values()) {
            Copy source = on(instanceCopies, job.sourceTier());
            if (source != null && on(instanceCopies, job.targetTier()) != null) {
                released.add(source.locationPk());
            }
        }
        for (List<Long> batch : batches(released)) {
            copies.releaseAll(batch);
            crashPoints.reached("before-delete");
        }
    }

    /** Retention: releases the copies on the source tier, never an instance's last copy unless allowed. */
    private void delete(JobRequest job, Map<Long, List<Copy>> byInstance) {
        List<Long> released = new ArrayList<>();
        for (List<Copy> instanceCopies : byInstance.values()) {
            Copy source = on(instanceCopies, job.sourceTier());
            if (source != null && (instanceCopies.size() > 1 || job.deleteLastCopy())) {
                released.add(source.locationPk());
            }
        }
        for (List<Long> batch : batches(released)) {
            copies.releaseAll(batch);
        }
    }

    /** Deletes the objects whose rows are gone (also those a crash left noted). */
    public void deletePending() {
        List<Long> deleted = new ArrayList<>();
        for (PendingDeletion d : copies.pendingDeletions()) {
            try {
                registry.provider(d.getStorageId()).delete(d.getObjectId());
                deleted.add(d.getPk());
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.WARNING, "cannot delete object " + d.getObjectId() + " from tier " + d.getStorageId()
                        + " yet: " + e.getMessage(), e);
            }
        }
        for (List<Long> batch : batches(deleted)) {
            copies.forgetAll(batch); // a crash before this deletes them again: deleting a missing object is no error
        }
    }

    /** Consecutive slices of at most {@value #BATCH}: one transaction each. */
    private static <T> List<List<T>> batches(List<T> all) {
        List<List<T>> batches = new ArrayList<>();
        for (int from = 0; from < all.size(); from += BATCH) {
            batches.add(all.subList(from, Math.min(all.size(), from + BATCH)));
        }
        return batches;
    }

    private static Copy on(List<Copy> instanceCopies, String tier) {
        return instanceCopies.stream().filter(c -> c.storageId().equals(tier)).findFirst().orElse(null);
    }

    private Copy best(List<Copy> instanceCopies, String except) {
        return instanceCopies.stream().filter(c -> !c.storageId().equals(except))
                .min(java.util.Comparator.comparing(Copy::storageId, registry.preference())).orElse(null);
    }
}
