package org.strata.ejb.hsm;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.strata.ejb.config.SettingsService;
import org.strata.hsm.migrate.Backoff;

/**
 * The persistent job queue, shared by every node. A node claims a job with a conditional update
 * (state QUEUED → RUNNING, its name as owner, a lease): the update locks the row, so of two nodes
 * claiming the same job one updates it and the other finds it no longer QUEUED — no job is worked
 * twice. On PostgreSQL the candidate is first selected {@code FOR UPDATE SKIP LOCKED} (native SQL
 * comparing the {@code TIMESTAMP WITH TIME ZONE} columns), so that concurrent claimers pass over
 * each other's rows instead of waiting for them and then losing the race; other databases (H2)
 * keep the conditional update alone. The owner renews its leases while it runs
 * ({@link #renewLeases}); a RUNNING job whose lease has run out (its node died) is claimed like a
 * queued one. A failed job
 * goes back to the queue after an exponential back-off, and to FAILED (dead letter) after
 * {@value #MAX_ATTEMPTS_SETTING} attempts.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class JobQueue {

    public static final String MAX_ATTEMPTS_SETTING = "hsm.job.maxAttempts";
    public static final String BACKOFF_SETTING = "hsm.job.backoff";
    public static final String BACKOFF_MAX_SETTING = "hsm.job.backoffMax";
    public static final String LEASE_SETTING = "hsm.job.lease";

    private static final Logger LOG = Logger.getLogger(JobQueue.class.getName());

    /** PostgreSQL: one candidate, locked; rows other claimers hold are skipped, not waited for. */
    static final String SKIP_LOCKED_CANDIDATE = "SELECT pk FROM hsm_job WHERE (state = 'QUEUED' AND not_before <= ?1)"
            + " OR (state = 'RUNNING' AND lease_until < ?1) ORDER BY not_before, pk LIMIT 1 FOR UPDATE SKIP LOCKED";

    private static volatile Boolean postgresql;

    private static final List<JobState> OPEN = List.of(JobState.QUEUED, JobState.RUNNING);

    @PersistenceContext(unitName = "strata")
    private EntityManager em;

    @EJB
    SettingsService settings;

    @EJB
    CopyStore copies;

    @Resource(lookup = "java:jboss/datasources/StrataDS")
    DataSource dataSource;

    /**
     * Enqueues a job. A MOVE without a source tier moves from the study's best tier now, fixed at
     * enqueue time so that a resumed job deletes the same copies.
     */
    public HsmJob enqueue(JobRequest request, Instant now) {
        JobRequest r = request;
        if (r.action() == JobAction.MOVE && r.sourceTier() == null) {
            String source = copies.bestTier(r.studyInstanceUid(), r.targetTier());
            if (source == null) {
                throw new HsmRequestException("study " + r.studyInstanceUid() + " has no copy to move to " + r.targetTier());
            }
            r = new JobRequest(r.studyInstanceUid(), r.action(), source, r.targetTier(), r.keepSource(),
                    r.deleteLastCopy(), r.ruleId());
        }
        HsmJob job = new HsmJob(r, now);
        em.persist(job);
        em.flush();
        return job;
    }

    public boolean hasOpenJob(String studyInstanceUid) {
        return em.createNamedQuery(HsmJob.OPEN_FOR_STUDY, Long.class).setParameter("study", studyInstanceUid)
                .setParameter("open", OPEN).getSingleResult() > 0;
    }

    /** Claims the next runnable job (queued, or running on a node whose lease ran out) for {@code owner}, if any. */
    public Optional<HsmJob> claimNext(String owner, Instant now) {
        Instant leaseUntil = now.plus(lease());
        for (Long pk : candidates(now)) {
            HsmJob before = em.find(HsmJob.class, pk);
            String previousOwner = before == null || before.getState() != JobState.RUNNING ? null : before.getOwner();
            int updated = em.createNamedQuery(HsmJob.CLAIM).setParameter("running", JobState.RUNNING)
                    .setParameter("owner", owner).setParameter("now", now).setParameter("pk", pk)
                    .setParameter("queued", JobState.QUEUED).setParameter("leaseUntil", leaseUntil).executeUpdate();
            if (updated == 1) {
                HsmJob job = em.find(HsmJob.class, pk);
                em.refresh(job);
                if (previousOwner != null) {
                    LOG.warning("storage job " + pk + " taken over from " + previousOwner + ", whose lease ran out");
                }
                return Optional.of(job);
            }
        }
        return Optional.empty();
    }

    private List<Long> candidates(Instant now) {
        if (isPostgresql()) {
            List<?> pks = em.createNativeQuery(SKIP_LOCKED_CANDIDATE).setParameter(1, Timestamp.from(now))
                    .getResultList();
            return pks.stream().map(pk -> ((Number) pk).longValue()).toList();
        }
        return em.createNamedQuery(HsmJob.RUNNABLE, Long.class).setParameter("queued", JobState.QUEUED)
                .setParameter("running", JobState.RUNNING).setParameter("now", now).setMaxResults(20).getResultList();
    }

    /** Extends the leases of the jobs {@code owner} is running; returns how many. */
    public int renewLeases(String owner, Instant now) {
        return em.createNamedQuery(HsmJob.RENEW_LEASES).setParameter("leaseUntil", now.plus(lease()))
                .setParameter("running", JobState.RUNNING).setParameter("owner", owner).executeUpdate();
    }

    private Duration lease() {
        return duration(LEASE_SETTING, Duration.ofMinutes(1));
    }


    private boolean isPostgresql() {
        Boolean pg = postgresql;
        if (pg == null) {
            try (Connection c = dataSource.getConnection()) {
                pg = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgresql");
            } catch (SQLException e) {
                throw new IllegalStateException("cannot tell the database product: " + e.getMessage(), e);
            }
            postgresql = pg;
            LOG.info(pg ? "storage jobs are claimed with SELECT ... FOR UPDATE SKIP LOCKED (PostgreSQL)"
                    : "storage jobs are claimed with a conditional update");
        }
        return pg;
    }

    /** After a crash: the jobs this node was running go back to the queue (their steps are idempotent). */
    public int requeueOwned(String owner, Instant now) {
        return em.createNamedQuery(HsmJob.REQUEUE_OWNED).setParameter("queued", JobState.QUEUED)
                .setParameter("running", JobState.RUNNING).setParameter("owner", owner).setParameter("now", now)
                .executeUpdate();
    }

    public void completed(long pk, Instant now) {
        em.find(HsmJob.class, pk).completed(now);
    }

    /** Returns the job's state after the failure: QUEUED (to retry later) or FAILED. */
    public JobState failed(long pk, String error, Instant now) {
        HsmJob job = em.find(HsmJob.class, pk);
        int max = settings.get(MAX_ATTEMPTS_SETTING).map(Integer::parseInt).orElse(5);
        Backoff backoff = new Backoff(duration(BACKOFF_SETTING, Duration.ofSeconds(30)),
                duration(BACKOFF_MAX_SETTING, Duration.ofHours(1)));
        job.failed(error, now.plus(backoff.after(job.getAttempts())), job.getAttempts() >= max, now);
        return job.getState();
    }

    /** Puts a FAILED job back in the queue with fresh attempts; false if it is not FAILED. */
    public boolean retry(long pk, Instant now) {
        HsmJob job = em.find(HsmJob.class, pk);
        if (job == null || job.getState() != JobState.FAILED) {
            return false;
        }
        job.retry(now);
        return true;
    }

    public Optional<HsmJob> find(long pk) {
        return Optional.ofNullable(em.find(HsmJob.class, pk));
    }

    public List<HsmJob> list(JobState state, int max) {
        return (state == null ? em.createNamedQuery(HsmJob.ALL, HsmJob.class)
                : em.createNamedQuery(HsmJob.BY_STATE, HsmJob.class).setParameter("state", state))
                .setMaxResults(max).getResultList();
    }

    private Duration duration(String setting, Duration defaultValue) {
        return settings.get(setting).map(v -> Duration.parse(v.strip())).orElse(defaultValue);
    }
}
