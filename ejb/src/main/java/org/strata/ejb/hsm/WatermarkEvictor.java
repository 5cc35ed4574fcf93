package org.strata.ejb.hsm;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.strata.ejb.config.SettingsService;

/**
 * Watermarks of the online tier: when the bytes of the copies on it exceed the setting
 * {@value #HIGH_SETTING}, studies whose every online instance also has a (verified, since
 * recorded only after verification) copy on another tier lose their online copies, least
 * recently accessed first, until the bytes are at or below {@value #LOW_SETTING}. A study with an
 * instance only online is never evicted.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class WatermarkEvictor {

    private static final Logger LOG = Logger.getLogger(WatermarkEvictor.class.getName());

    public static final String HIGH_SETTING = "hsm.online.highWatermark";
    public static final String LOW_SETTING = "hsm.online.lowWatermark";

    @PersistenceContext(unitName = "strata")
    private EntityManager em;

    @EJB
    SettingsService settings;

    @EJB
    JobRunner runner;

    @EJB
    JobQueue queue;

    /** Bytes on the online tier before and after, and the studies evicted (in order). */
    public record Report(long usedBefore, long usedAfter, long high, long low, List<String> evicted) {
    }

    /** Evicts when above the high watermark; empty when no watermarks are set. */
    public Optional<Report> evict() throws IOException {
        Optional<Long> high = settings.get(HIGH_SETTING).map(v -> Long.parseLong(v.strip()));
        if (high.isEmpty()) {
            return Optional.empty();
        }
        long low = settings.get(LOW_SETTING).map(v -> Long.parseLong(v.strip())).orElse(high.get());
        long before = used();
        long used = before;
        List<String> evicted = new ArrayList<>();
        if (used > high.get()) {
            for (Object[] candidate : candidates()) {
                if (used <= low) {
                    break;
                }
                String study = (String) candidate[0];
                if (queue.hasOpenJob(study)) {
                    continue;
                }
                runner.run(new JobRequest(study, JobAction.DELETE, TierRegistry.ONLINE, null, false, false, null));
                used = used();
                evicted.add(study);
            }
            LOG.info("online tier above its high watermark (" + before + " > " + high.get() + " bytes): evicted "
                    + evicted.size() + " studies, now " + used + " bytes (low watermark " + low + ")");
        }
        return Optional.of(new Report(before, used, high.get(), low, evicted));
    }

    private long used() {
        Long sum = em.createQuery("SELECT SUM(l.sizeBytes) FROM Location l WHERE l.storageId = :online", Long.class)
                .setParameter("online", TierRegistry.ONLINE).getSingleResult();
        return sum == null ? 0 : sum;
    }

    /** Studies with online copies whose every online instance has a copy elsewhere, least recently accessed first. */
    private List<Object[]> candidates() {
        return em.createQuery("SELECT s.studyInstanceUid, s.accessedAt FROM Study s WHERE EXISTS"
                        + " (SELECT l FROM Location l JOIN l.instance i JOIN i.series se WHERE se.study = s"
                        + " AND l.storageId = :online) AND NOT EXISTS (SELECT l2 FROM Location l2 JOIN l2.instance i2"
                        + " JOIN i2.series se2 WHERE se2.study = s AND l2.storageId = :online AND NOT EXISTS"
                        + " (SELECT l3 FROM Location l3 WHERE l3.instance = i2 AND l3.storageId <> :online))"
                        + " ORDER BY s.accessedAt, s.pk", Object[].class)
                .setParameter("online", TierRegistry.ONLINE).setMaxResults(1000).getResultList();
    }
}
