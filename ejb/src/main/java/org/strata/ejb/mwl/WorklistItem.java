package org.strata.ejb.mwl;

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

/**
 * One Modality Worklist item (PS3.4 K.6.1; one Scheduled Procedure Step): the full data set as
 * posted, with the keys the archive looks items up by in columns.
 */
@Entity
@Table(name = "mwl_item", indexes = {
        @Index(name = "uk_mwl_sps", columnList = "sps_id", unique = true),
        @Index(name = "ix_mwl_accession", columnList = "accession_no"),
        @Index(name = "ix_mwl_station", columnList = "station_aet, start_date")})
@NamedQuery(name = WorklistItem.FIND_ALL, query = "SELECT w FROM WorklistItem w ORDER BY w.startDate, w.pk")
@NamedQuery(name = WorklistItem.FIND_BY_SPS, query = "SELECT w FROM WorklistItem w WHERE w.spsId = :id")
public class WorklistItem {

    public static final String FIND_ALL = "WorklistItem.findAll";
    public static final String FIND_BY_SPS = "WorklistItem.findBySps";

    @Id
    @TableGenerator(name = "mwl_ids", table = "id_generator", pkColumnName = "name", valueColumnName = "next_id",
            pkColumnValue = "mwl_item", allocationSize = 20)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "mwl_ids")
    private long pk;

    /** Scheduled Procedure Step ID (0040,0009). */
    @Column(name = "sps_id", length = 16, nullable = false)
    private String spsId;

    @Column(name = "accession_no", length = 16)
    private String accessionNumber;

    @Column(name = "study_iuid", length = 64, nullable = false)
    private String studyInstanceUid;

    @Column(name = "station_aet", length = 16)
    private String stationAeTitle;

    @Column(name = "start_date", length = 8)
    private String startDate;

    /** Scheduled Procedure Step Status (0040,0020), e.g. SCHEDULED, STARTED, COMPLETED, DISCONTINUED. */
    @Column(name = "status", length = 16, nullable = false)
    private String status;

    @Lob
    @Column(name = "attributes", nullable = false)
    private byte[] attributes;

    @Column(name = "updated_at", nullable = false, columnDefinition = InstantConverter.SQL_TYPE)
    private Instant updatedAt;

    @Version
    @Column(name = "version")
    private long version;

    protected WorklistItem() {
    }

    public WorklistItem(String spsId, String accessionNumber, String studyInstanceUid, String stationAeTitle,
                        String startDate, String status, byte[] attributes) {
        this.spsId = spsId;
        this.accessionNumber = accessionNumber;
        this.studyInstanceUid = studyInstanceUid;
        this.stationAeTitle = stationAeTitle;
        this.startDate = startDate;
        this.status = status;
        this.attributes = attributes;
        this.updatedAt = Instant.now();
    }

    public String getSpsId() {
        return spsId;
    }

    public String getStatus() {
        return status;
    }

    public byte[] getAttributes() {
        return attributes;
    }

    public String getStudyInstanceUid() {
        return studyInstanceUid;
    }

    void update(String status, byte[] attributes) {
        this.status = status;
        this.attributes = attributes;
        this.updatedAt = Instant.now();
    }
}
