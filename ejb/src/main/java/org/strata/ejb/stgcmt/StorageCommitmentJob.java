package org.strata.ejb.stgcmt;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Lob;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.TableGenerator;
import java.time.Instant;
import org.strata.ejb.entity.InstantConverter;

/**
 * One storage commitment request (PS3.4 J.3.2) from receipt until its report is delivered: the
 * request as received, the evaluated report, and the delivery schedule. Persisted before the
 * N-ACTION-RSP, so a restart resumes it.
 */
@Entity
@Table(name = "stgcmt_job", indexes = {
        @Index(name = "ix_stgcmt_due", columnList = "state, next_attempt_at"),
        @Index(name = "ix_stgcmt_tx", columnList = "transaction_uid")})
@NamedQuery(name = StorageCommitmentJob.FIND_DUE, query = "SELECT j.pk FROM StorageCommitmentJob j"
        + " WHERE j.state = org.strata.ejb.stgcmt.CommitmentState.PENDING AND j.nextAttemptAt <= :now"
        + " ORDER BY j.nextAttemptAt")
@NamedQuery(name = StorageCommitmentJob.CLAIM, query = "UPDATE StorageCommitmentJob j SET j.nextAttemptAt = :lease"
        + " WHERE j.pk = :pk AND j.state = org.strata.ejb.stgcmt.CommitmentState.PENDING AND j.nextAttemptAt <= :now")
@NamedQuery(name = StorageCommitmentJob.FIND_BY_TRANSACTION,
        query = "SELECT j FROM StorageCommitmentJob j WHERE j.transactionUid = :uid ORDER BY j.pk")
public class StorageCommitmentJob {

    public static final String FIND_DUE = "StorageCommitmentJob.findDue";
    public static final String CLAIM = "StorageCommitmentJob.claim";
    public static final String FIND_BY_TRANSACTION = "StorageCommitmentJob.findByTransaction";

    @Id
    @TableGenerator(name = "stgcmt_ids", table = "id_generator", pkColumnName = "name", valueColumnName = "next_id",
            pkColumnValue = "stgcmt_job", allocationSize = 20)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "stgcmt_ids")
    private long pk;

    @Column(name = "transaction_uid", length = 64, nullable = false)
    private String transactionUid;

    /** The requester's AE title (Calling AE Title of the N-ACTION). */
    @Column(name = "requester_aet", length = 16, nullable = false)
    private String requesterAeTitle;

    /** Our AE title as the requester called it; the report is sent from it. */
    @Column(name = "called_aet", length = 16, nullable = false)
    private String calledAeTitle;

    /** The adapter's reply handle of the N-ACTION's association (valid while it is open). */
    @Column(name = "reply_handle", length = 64)
    private String replyHandle;

    @Enumerated(EnumType.STRING)
    @Column(name = "state", length = 16, nullable = false)
    private CommitmentState state;

    @Enumerated(EnumType.STRING)
    @Column(name = "policy", length = 16, nullable = false)
    private CommitPolicy policy;

    /** The N-ACTION data set (Transaction UID, Referenced SOP Sequence), Explicit VR LE. */
    @Lob
    @Column(name = "request", nullable = false)
    private byte[] request;

    /** The N-EVENT-REPORT data set once evaluated, Explicit VR LE; null before. */
    @Lob
    @Column(name = "report")
    private byte[] report;

    /** 1 all committed, 2 failures present (PS3.4 J.3.3.1); 0 before evaluation. */
    @Column(name = "event_type", nullable = false)
    private int eventType;

    @Column(name = "instance_count", nullable = false)
    private int instanceCount;

    @Column(name = "failed_count", nullable = false)
    private int failedCount;

    @Column(name = "received_at", nullable = false, columnDefinition = InstantConverter.SQL_TYPE)
    private Instant receivedAt;

    @Column(name = "next_attempt_at", nullable = false, columnDefinition = InstantConverter.SQL_TYPE)
    private Instant nextAttemptAt;

    @Column(name = "reported_at", columnDefinition = InstantConverter.SQL_TYPE)
    private Instant reportedAt;

    @Column(name = "attempts", nullable = false)
    private int attempts;

    @Column(name = "last_error", length = 1024)
    private String lastError;

    protected StorageCommitmentJob() {
    }

    public StorageCommitmentJob(String transactionUid, String requesterAeTitle, String calledAeTitle,
                                String replyHandle, CommitPolicy policy, byte[] request, int instanceCount,
                                Instant receivedAt) {
        this.transactionUid = transactionUid;
        this.requesterAeTitle = requesterAeTitle;
        this.calledAeTitle = calledAeTitle;
        this.replyHandle = replyHandle;
        this.policy = policy;
        this.request = request;
        this.instanceCount = instanceCount;
        this.receivedAt = receivedAt;
        this.nextAttemptAt = receivedAt;
        this.state = CommitmentState.PENDING;
    }

    public long getPk() {
        return pk;
    }

    public String getTransactionUid() {
        return transactionUid;
    }

    public String getRequesterAeTitle() {
        return requesterAeTitle;
    }

    public String getCalledAeTitle() {
        return calledAeTitle;
    }

    public String getReplyHandle() {
        return replyHandle;
    }

    public CommitmentState getState() {
        return state;
    }

    public CommitPolicy getPolicy() {
        return policy;
    }

    public byte[] getRequest() {
        return request;
    }

    public byte[] getReport() {
        return report;
    }

    public int getEventType() {
        return eventType;
    }

    public int getInstanceCount() {
        return instanceCount;
    }

    public int getFailedCount() {
        return failedCount;
    }

    public Instant getReceivedAt() {
        return receivedAt;
    }

    public Instant getReportedAt() {
        return reportedAt;
    }

    public int getAttempts() {
        return attempts;
    }

    public String getLastError() {
        return lastError;
    }

    void evaluated(byte[] report, int eventType, int failedCount) {
        this.report = report;
        this.eventType = eventType;
        this.failedCount = failedCount;
    }

    void reported(Instant at) {
        this.state = CommitmentState.REPORTED;
        this.reportedAt = at;
        this.attempts++;
        this.lastError = null;
    }

    void failedAttempt(String error, Instant next) {
        this.attempts++;
        this.lastError = error.length() > 1024 ? error.substring(0, 1024) : error;
        this.nextAttemptAt = next;
    }

    void abandon(String error) {
        this.state = CommitmentState.ABANDONED;
        this.lastError = error.length() > 1024 ? error.substring(0, 1024) : error;
    }
}
