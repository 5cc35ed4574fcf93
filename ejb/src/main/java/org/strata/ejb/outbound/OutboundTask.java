package org.strata.ejb.outbound;

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
import org.strata.jca.api.NOperation;

/**
 * One DIMSE-N request queued for a remote AE (MPPS forwarding, Instance Availability
 * Notification): sent in the order queued per destination, retried with back-off.
 */
@Entity
@Table(name = "outbound_task", indexes = @Index(name = "ix_outbound_due", columnList = "state, destination, pk"))
@NamedQuery(name = OutboundTask.HEADS, query = "SELECT MIN(t.pk) FROM OutboundTask t"
        + " WHERE t.state = :state GROUP BY t.destination")
@NamedQuery(name = OutboundTask.BY_PURPOSE, query = "SELECT t FROM OutboundTask t WHERE t.purpose = :purpose"
        + " ORDER BY t.pk")
public class OutboundTask {

    public static final String HEADS = "OutboundTask.heads";
    public static final String BY_PURPOSE = "OutboundTask.byPurpose";

    /** Where a task stands. */
    public enum State {
        PENDING, SENT, FAILED
    }

    @Id
    @TableGenerator(name = "outbound_ids", table = "id_generator", pkColumnName = "name", valueColumnName = "next_id",
            pkColumnValue = "outbound_task", allocationSize = 20)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "outbound_ids")
    private long pk;

    /** What queued it, e.g. {@code MPPS-FORWARD} or {@code IAN}. */
    @Column(name = "purpose", length = 32, nullable = false)
    private String purpose;

    @Column(name = "destination", length = 16, nullable = false)
    private String destination;

    @Column(name = "calling_aet", length = 16, nullable = false)
    private String callingAeTitle;

    @Enumerated(EnumType.STRING)
    @Column(name = "operation", length = 16, nullable = false)
    private NOperation operation;

    @Column(name = "sop_class_uid", length = 64, nullable = false)
    private String sopClassUid;

    @Column(name = "sop_instance_uid", length = 64, nullable = false)
    private String sopInstanceUid;

    @Lob
    @Column(name = "data_set")
    private byte[] dataSet;

    @Enumerated(EnumType.STRING)
    @Column(name = "state", length = 16, nullable = false)
    private State state = State.PENDING;

    @Column(name = "created_at", nullable = false, columnDefinition = InstantConverter.SQL_TYPE)
    private Instant createdAt;

    @Column(name = "next_attempt_at", nullable = false, columnDefinition = InstantConverter.SQL_TYPE)
    private Instant nextAttemptAt;

    @Column(name = "attempts", nullable = false)
    private int attempts;

    @Column(name = "status")
    private Integer status;

    @Column(name = "last_error", length = 1024)
    private String lastError;

    protected OutboundTask() {
    }

    public OutboundTask(String purpose, String destination, String callingAeTitle, NOperation operation,
                        String sopClassUid, String sopInstanceUid, byte[] dataSet, Instant now) {
        this.purpose = purpose;
        this.destination = destination;
        this.callingAeTitle = callingAeTitle;
        this.operation = operation;
        this.sopClassUid = sopClassUid;
        this.sopInstanceUid = sopInstanceUid;
        this.dataSet = dataSet;
        this.createdAt = now;
        this.nextAttemptAt = now;
    }

    public long getPk() {
        return pk;
    }

    public String getPurpose() {
        return purpose;
    }

    public String getDestination() {
        return destination;
    }

    public String getCallingAeTitle() {
        return callingAeTitle;
    }

    public NOperation getOperation() {
        return operation;
    }

    public String getSopClassUid() {
        return sopClassUid;
    }

    public String getSopInstanceUid() {
        return sopInstanceUid;
    }

    public byte[] getDataSet() {
        return dataSet;
    }

    public State getState() {
        return state;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getNextAttemptAt() {
        return nextAttemptAt;
    }

    public int getAttempts() {
        return attempts;
    }

    public Integer getStatus() {
        return status;
    }

    public String getLastError() {
        return lastError;
    }

    void sent(int status) {
        this.state = State.SENT;
        this.status = status;
        this.attempts++;
        this.lastError = null;
    }

    void failedAttempt(String error, Instant next) {
        this.attempts++;
        this.lastError = error.length() > 1024 ? error.substring(0, 1024) : error;
        this.nextAttemptAt = next;
    }

    void giveUp(String error) {
        this.state = State.FAILED;
        this.lastError = error.length() > 1024 ? error.substring(0, 1024) : error;
    }
}
