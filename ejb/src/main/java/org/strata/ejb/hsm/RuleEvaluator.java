package org.strata.ejb.hsm;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.AccessTimeout;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Evaluates the enabled tiering rules against the studies, with ages measured by
 * {@link HsmClock}, and enqueues one job per selected study that has no open or dead-lettered
 * job yet. Returns the ids of the jobs enqueued.
 *
 * <p>One evaluation at a time on a node (a singleton's write lock): the timer's evaluation and one
 * asked for through REST or the console used to run side by side, both found the study without a
 * job and both enqueued one. Each enqueue commits on its own, so an evaluation that waited sees
 * the jobs of the one before. Evaluations on different nodes are not serialised by this.
 */
@Singleton
@AccessTimeout(value = 10, unit = java.util.concurrent.TimeUnit.MINUTES)
@PermitAll
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RuleEvaluator {

    private static final Logger LOG = Logger.getLogger(RuleEvaluator.class.getName());

    /** Studies one rule selects per evaluation at most. */
    private static final int BATCH = 1000;

    @PersistenceContext(unitName = "strata")
    private EntityManager em;

    @EJB
    PolicyService policies;

    @EJB
    JobQueue queue;

    @EJB
    HsmClock clock;

    public List<Long> evaluate() {
        Instant now = clock.now();
        List<Long> enqueued = new ArrayList<>();
        for (TierRule rule : policies.rules()) {
            RuleDefinition d = rule.definition();
            if (!d.enabled()) {
                continue;
            }
            String target = target(rule.getId(), d);
            if (d.action() != RuleAction.DELETE && target == null) {
                continue;
            }
            for (String study : select(d, target, now)) {
                JobRequest request = switch (d.action()) {
                    case COPY -> new JobRequest(study, JobAction.COPY, d.sourceTier(), target, true, false, rule.getId());
                    case MOVE -> new JobRequest(study, JobAction.MOVE, d.sourceTier(), target, false, false, rule.getId());
                    case DELETE -> new JobRequest(study, JobAction.DELETE, d.sourceTier(), null, false,
                            d.deleteLastCopy(), rule.getId());
                };
                enqueued.add(queue.enqueue(request, Instant.now()).getPk());
            }
        }
        if (!enqueued.isEmpty()) {
            LOG.info("tiering rules enqueued " + enqueued.size() + " jobs (clock " + now + ")");
        }
        return enqueued;
    }

    private String target(String ruleId, RuleDefinition d) {
        if (d.targetTier() != null && !d.targetTier().isBlank()) {
            return d.targetTier();
        }
        if (d.storageGroup() == null) {
            return null;
        }
        String next = policies.group(d.storageGroup()).map(g -> g.next(d.sourceTier())).orElse(null);
        if (next == null) {
            LOG.warning("rule " + ruleId + ": storage group " + d.storageGroup() + " has no tier after " + d.sourceTier());
        }
        return next;
    }

    /** The studies a rule selects now (PS3.3 terms: received, last accessed, Modalities in Study). */
    private List<String> select(RuleDefinition d, String target, Instant now) {
        StringBuilder jpql = new StringBuilder("SELECT s.studyInstanceUid, s.modalitiesInStudy FROM Study s WHERE"
                + " EXISTS (SELECT l FROM Location l JOIN l.instance i JOIN i.series se WHERE se.study = s"
                + " AND l.storageId = :source)"
                + " AND NOT EXISTS (SELECT j FROM HsmJob j WHERE j.studyInstanceUid = s.studyInstanceUid"
                + " AND j.state IN :blocking)");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("source", d.sourceTier());
        params.put("blocking", List.of(JobState.QUEUED, JobState.RUNNING, JobState.FAILED));
        if (d.action() == RuleAction.COPY) {
            jpql.append(" AND EXISTS (SELECT i2 FROM Instance i2 JOIN i2.series se2 WHERE se2.study = s AND NOT EXISTS"
                    + " (SELECT l2 FROM Location l2 WHERE l2.instance = i2 AND l2.storageId = :target))");
            params.put("target", target);
        }
        if (d.minAgeSinceReceived() != null) {
            jpql.append(" AND s.receivedAt <= :receivedBefore");
            params.put("receivedBefore", now.minus(d.minAgeSinceReceived()));
        }
        if (d.minAgeSinceAccess() != null) {
            jpql.append(" AND s.accessedAt <= :accessedBefore");
            params.put("accessedBefore", now.minus(d.minAgeSinceAccess()));
        }
        if (d.minSizeBytes() != null) {
            jpql.append(" AND s.sizeBytes >= :minSize");
            params.put("minSize", d.minSizeBytes());
        }
        if (d.maxSizeBytes() != null) {
            jpql.append(" AND s.sizeBytes <= :maxSize");
            params.put("maxSize", d.maxSizeBytes());
        }
        List<String> aes = sourceAes(d);
        if (!aes.isEmpty()) {
            jpql.append(" AND EXISTS (SELECT se3 FROM Series se3 WHERE se3.study = s AND se3.sourceAet IN :aes)");
            params.put("aes", aes);
        }
        jpql.append(" ORDER BY s.receivedAt");
        TypedQuery<Object[]> q = em.createQuery(jpql.toString(), Object[].class);
        params.forEach(q::setParameter);
        return q.setMaxResults(BATCH).getResultList().stream()
                .filter(r -> d.modality() == null || d.modality().isBlank() || r[1] != null
                        && Arrays.asList(((String) r[1]).split("\\\\")).contains(d.modality()))
                .map(r -> (String) r[0]).toList();
    }

    /** The rule's source AE, else the storage group's AEs; empty: any. */
    private List<String> sourceAes(RuleDefinition d) {
        if (d.sourceAe() != null && !d.sourceAe().isBlank()) {
            return List.of(d.sourceAe());
        }
        return d.storageGroup() == null ? List.of()
                : policies.group(d.storageGroup()).map(StorageGroup::getAeTitles).orElse(List.of());
    }
}
