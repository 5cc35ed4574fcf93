package org.strata.ejb.ian;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.strata.ejb.entity.InstantConverter;

/** When the subscribers were last told about a study, and with how many instances. */
@Entity
@Table(name = "ian_study")
public class IanNotified {

    @Id
    @Column(name = "study_iuid", length = 64)
    private String studyInstanceUid;

    @Column(name = "notified_at", nullable = false, columnDefinition = InstantConverter.SQL_TYPE)
    private Instant notifiedAt;

    @Column(name = "instance_count", nullable = false)
    private long instanceCount;

    protected IanNotified() {
    }

    public IanNotified(String studyInstanceUid) {
        this.studyInstanceUid = studyInstanceUid;
    }

    public Instant getNotifiedAt() {
        return notifiedAt;
    }

    public long getInstanceCount() {
        return instanceCount;
    }

    void notified(Instant at, long count) {
        this.notifiedAt = at;
        this.instanceCount = count;
    }
}
