package org.strata.ejb.hsm;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.TableGenerator;
import java.time.Instant;
import org.strata.ejb.entity.InstantConverter;

/**
 * One tiering job on one study, kept in the database so it survives a crash: its steps are
 * idempotent (copy → verify → record → delete source), so a job found RUNNING by its node after
 * a restart simply runs again. Claimed by one node at a time through a conditional update, for a
 * lease its node keeps renewing: a job whose lease ran out (its node died) is taken over.
 */
@Entity
@Table(name = "hsm_job", indexes = {
        @Index(name = "ix_hsm_job_state", columnList = "state,not_before"),
        @Index(name = "ix_hsm_job_study", columnList = "study_iuid")})
@NamedQuery(name = HsmJob.RUNNABLE, query = "SELECT j.pk FROM HsmJob j WHERE (j.state = :queued AND j.notBefore <= :now)"
        + " OR (j.state = :running AND j.leaseUntil < :now) ORDER BY j.notBefore, j.pk")
@NamedQuery(name = HsmJob.BY_STATE, query = "SELECT j FROM HsmJob j WHERE j.state = :state ORDER BY j.pk DESC")
@NamedQuery(name = HsmJob.ALL, query = "SELECT j FROM HsmJob j ORDER BY j.pk DESC")
@NamedQuery(name = HsmJob.OPEN_FOR_STUDY, query = "SELECT COUNT(j) FROM HsmJob j WHERE j.studyInstanceUid = :study"
        + " AND j.state IN :open")
@NamedQuery(name = HsmJob.CLAIM, query = "UPDATE HsmJob j SET j.state = :running, j.owner = :owner,"
        + " j.attempts = j.attempts + 1, j.updatedAt = :now, j.leaseUntil = :leaseUntil WHERE j.pk = :pk"
        + " AND (j.state = :queued OR (j.state = :running AND j.leaseUntil < :now))")
@NamedQuery(name = HsmJob.RENEW_LEASES, query = "UPDATE HsmJob j SET j.leaseUntil = :leaseUntil"
        + " WHERE j.state = :running AND j.owner = :owner")
@NamedQuery(name = HsmJob.REQUEUE_OWNED, query = "UPDATE HsmJob j SET j.state = :queued, j.updatedAt = :now"
        + " WHERE j.state = :running AND j.owner = :owner")
public class HsmJob {

    public static final String RUNNABLE = "HsmJob.runnable";
    public static final String BY_STATE = "HsmJob.byState";
    public static final String ALL = "HsmJob.all";
    public static final String OPEN_FOR_STUDY = "HsmJob.openForStudy";
    public static final String CLAIM = "HsmJob.claim";
    public static final String REQUEUE_OWNED = "HsmJob.requeueOwned";
    public static final String RENEW_LEASES = "HsmJob.renewLeases";

    @Id
    @TableGenerator(name = "hsm_job_ids", table = "id_generator", pkColumnName = "name", valueColumnName = "next_id",
            pkColumnValue = "hsm_job", allocationSize = 10)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "hsm_job_ids")
    private long pk;

    @Column(name = "study_iuid", length = 64, nullable = false)
    private String studyInstanceUid;

    @Enumerated(EnumType.STRING)
    @Column(name = "action", length = 16, nullable = false)
    private JobAction action;

    /** Null: any tier other than the target (best first). */
    @Column(name = "source_tier", length = 64)
    private String sourceTier;

    @Column(name = "target_tier", length = 64)
    private String targetTier;

    @Column(name = "keep_source", nullable = false)
    private boolean keepSource;

    @Column(name = "delete_last_copy", nullable = false)
    private boolean deleteLastCopy;

    @Column(name = "rule_id", length = 64)
    private String ruleId;

    @Enumerated(EnumType.STRING)
    @Column(name = "state", length = 16, nullable = false)
    private JobState state = JobState.QUEUED;

    @Column(name = "attempts", nullable = false)
    private int attempts;

    @Column(name = "not_before", nullable = false, columnDefinition = InstantConverter.SQL_TYPE)
    private Instant notBefore;

    /** The node running it (jboss.node.name). */
    @Column(name = "owner", length = 128)
    private String owner;

    /**
     * Until when the owner's claim holds: the owner renews it while it runs the job; once it has
     * passed (the node died), another node takes the job over.
     */
    @Column(name = "lease_until", columnDefinition = InstantConverter.SQL_TYPE)
    private Instant leaseUntil;

    @Column(name = "last_error", length = 2000)
    private String lastError;

    @Column(name = "created_at", nullable = false, columnDefinition = InstantConverter.SQL_TYPE)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false, columnDefinition = InstantConverter.SQL_TYPE)
    private Instant updatedAt;

    protected HsmJob() {
    }

    public HsmJob(JobRequest request, Instant now) {
        this.studyInstanceUid = request.studyInstanceUid();
        this.action = request.action();
        this.sourceTier = request.sourceTier();
        this.targetTier = request.targetTier();
        this.keepSource = request.keepSource();
        this.deleteLastCopy = request.deleteLastCopy();
        this.ruleId = request.ruleId();
        this.notBefore = now;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public JobRequest request() {
        return new JobRequest(studyInstanceUid, action, sourceTier, targetTier, keepSource, deleteLastCopy, ruleId);
    }

    public void completed(Instant now) {
        state = JobState.COMPLETED;
        lastError = null;
        updatedAt = now;
    }

    /** Back to the queue after {@code retryAt}, or dead-lettered when out of attempts. */
    public void failed(String error, Instant retryAt, boolean deadLetter, Instant now) {
        state = deadLetter ? JobState.FAILED : JobState.QUEUED;
        lastError = error == null ? null : error.length() > 2000 ? error.substring(0, 2000) : error;
        notBefore = retryAt;
        updatedAt = now;
    }

    /** An administrator's retry of a dead-lettered job: a fresh set of attempts. */
    public void retry(Instant now) {
        state = JobState.QUEUED;
        attempts = 0;
        notBefore = now;
        updatedAt = now;
    }

    public long getPk() {
        return pk;
    }

    public String getStudyInstanceUid() {
        return studyInstanceUid;
    }

    public JobAction getAction() {
        return action;
    }

    public String getSourceTier() {
        return sourceTier;
    }

    public String getTargetTier() {
        return targetTier;
    }

    public boolean isKeepSource() {
        return keepSource;
    }

    public String getRuleId() {
        return ruleId;
    }

    public JobState getState() {
        return state;
    }

    public int getAttempts() {
        return attempts;
    }

    public Instant getNotBefore() {
        return notBefore;
    }

    public String getOwner() {
        return owner;
    }

    public Instant getLeaseUntil() {
        return leaseUntil;
    }

    public String getLastError() {
        return lastError;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
