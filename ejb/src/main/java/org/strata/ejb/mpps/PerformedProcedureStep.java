package org.strata.ejb.mpps;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Lob;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.TableGenerator;
import jakarta.persistence.Version;
import java.time.Instant;
import org.strata.ejb.entity.InstantConverter;

/** One Modality Performed Procedure Step (PS3.4 F.7) as created and updated by its SCU. */
@Entity
@Table(name = "mpps", indexes = {
        @Index(name = "uk_mpps_iuid", columnList = "sop_iuid", unique = true),
        @Index(name = "ix_mpps_study", columnList = "study_iuid")})
@NamedQuery(name = PerformedProcedureStep.FIND_BY_UID,
        query = "SELECT m FROM PerformedProcedureStep m WHERE m.sopInstanceUid = :uid")
public class PerformedProcedureStep {

    public static final String FIND_BY_UID = "PerformedProcedureStep.findByUid";

    @Id
    @TableGenerator(name = "mpps_ids", table = "id_generator", pkColumnName = "name", valueColumnName = "next_id",
            pkColumnValue = "mpps", allocationSize = 20)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "mpps_ids")
    private long pk;

    @Column(name = "sop_iuid", length = 64, nullable = false)
    private String sopInstanceUid;

    @Column(name = "study_iuid", length = 64)
    private String studyInstanceUid;

    @Column(name = "status", length = 16, nullable = false)
    private String status;

    @Column(name = "source_aet", length = 16, nullable = false)
    private String sourceAeTitle;

    @Lob
    @Column(name = "attributes", nullable = false)
    private byte[] attributes;

    @Column(name = "created_at", nullable = false, columnDefinition = InstantConverter.SQL_TYPE)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false, columnDefinition = InstantConverter.SQL_TYPE)
    private Instant updatedAt;

    @Version
    @Column(name = "version")
    private long version;

    protected PerformedProcedureStep() {
    }

    public PerformedProcedureStep(String sopInstanceUid, String studyInstanceUid, String status, String sourceAeTitle,
                                  byte[] attributes) {
        this.sopInstanceUid = sopInstanceUid;
        this.studyInstanceUid = studyInstanceUid;
        this.status = status;
        this.sourceAeTitle = sourceAeTitle;
        this.attributes = attributes;
        this.createdAt = Instant.now();
        this.updatedAt = createdAt;
    }

    public String getSopInstanceUid() {
        return sopInstanceUid;
    }

    public String getStudyInstanceUid() {
        return studyInstanceUid;
    }

    public String getStatus() {
        return status;
    }

    public byte[] getAttributes() {
        return attributes;
    }

    void update(String status, byte[] attributes) {
        this.status = status;
        this.attributes = attributes;
        this.updatedAt = Instant.now();
    }
}
