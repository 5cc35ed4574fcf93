package org.strata.ejb.mpps;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
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
 * A stored instance an administrator must look at, e.g. one of a procedure step discontinued
 * because the wrong worklist entry was selected (DCM 110514). Nothing is deleted automatically.
 */
@Entity
@Table(name = "flagged_instance", indexes = @Index(name = "ix_flagged_mpps", columnList = "mpps_iuid"))
@NamedQuery(name = FlaggedInstance.BY_MPPS,
        query = "SELECT f FROM FlaggedInstance f WHERE f.mppsInstanceUid = :uid ORDER BY f.sopInstanceUid")
public class FlaggedInstance {

    public static final String BY_MPPS = "FlaggedInstance.byMpps";

    @Id
    @TableGenerator(name = "flag_ids", table = "id_generator", pkColumnName = "name", valueColumnName = "next_id",
            pkColumnValue = "flagged_instance", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "flag_ids")
    private long pk;

    @Column(name = "sop_iuid", length = 64, nullable = false)
    private String sopInstanceUid;

    @Column(name = "series_iuid", length = 64, nullable = false)
    private String seriesInstanceUid;

    @Column(name = "mpps_iuid", length = 64, nullable = false)
    private String mppsInstanceUid;

    @Column(name = "reason", length = 128, nullable = false)
    private String reason;

    @Column(name = "flagged_at", nullable = false, columnDefinition = InstantConverter.SQL_TYPE)
    private Instant flaggedAt;

    protected FlaggedInstance() {
    }

    public FlaggedInstance(String sopInstanceUid, String seriesInstanceUid, String mppsInstanceUid, String reason) {
        this.sopInstanceUid = sopInstanceUid;
        this.seriesInstanceUid = seriesInstanceUid;
        this.mppsInstanceUid = mppsInstanceUid;
        this.reason = reason;
        this.flaggedAt = Instant.now();
    }

    public String getSopInstanceUid() {
        return sopInstanceUid;
    }

    public String getSeriesInstanceUid() {
        return seriesInstanceUid;
    }

    public String getReason() {
        return reason;
    }
}
