package org.strata.ejb.entity;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Lob;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.QueryHint;
import jakarta.persistence.TableGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A series (PS3.3 C.7.3.1). */
@Entity
@Table(name = "series", indexes = {
        @Index(name = "uk_series_iuid", columnList = "series_iuid", unique = true),
        @Index(name = "ix_series_modality", columnList = "modality"),
        @Index(name = "ix_series_source_aet", columnList = "source_aet")})
@NamedQuery(name = Series.FIND_BY_UID, query = "SELECT s FROM Series s WHERE s.seriesInstanceUid = :uid")
@NamedQuery(name = Series.FRESH_BY_UID, query = "SELECT s FROM Series s WHERE s.seriesInstanceUid = :uid",
        hints = @QueryHint(name = "eclipselink.refresh", value = "true"))
public class Series {

    public static final String FIND_BY_UID = "Series.findByUid";
    /** {@link #FIND_BY_UID} refreshing the cached entity (see {@link Study#FRESH_BY_UID}). */
    public static final String FRESH_BY_UID = "Series.freshByUid";

    @Id
    @TableGenerator(name = "series_ids", table = "id_generator", pkColumnName = "name", valueColumnName = "next_id",
            pkColumnValue = "series", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "series_ids")
    private long pk;

    @Version
    private long version;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "study_fk")
    private Study study;

    @Column(name = "series_iuid", length = 64, nullable = false)
    private String seriesInstanceUid;

    @Column(name = "modality", length = 16)
    private String modality;

    @Column(name = "series_no")
    private Integer seriesNumber;

    @Column(name = "series_desc", length = 64)
    private String seriesDescription;

    @Column(name = "body_part", length = 16)
    private String bodyPartExamined;

    /** Calling AE title of the association the series arrived on. */
    @Column(name = "source_aet", length = 16)
    private String sourceAet;

    @Column(name = "num_instances", nullable = false)
    private int numberOfInstances;

    @Lob
    @Basic(fetch = FetchType.LAZY)
    @Column(name = "attributes")
    private byte[] attributes;

    protected Series() {
    }

    public Series(Study study, String seriesInstanceUid) {
        this.study = study;
        this.seriesInstanceUid = seriesInstanceUid;
    }

    public long getPk() {
        return pk;
    }

    public Study getStudy() {
        return study;
    }

    public String getSeriesInstanceUid() {
        return seriesInstanceUid;
    }

    public String getModality() {
        return modality;
    }

    public Integer getSeriesNumber() {
        return seriesNumber;
    }

    public String getSourceAet() {
        return sourceAet;
    }

    public int getNumberOfInstances() {
        return numberOfInstances;
    }

    public byte[] getAttributes() {
        return attributes;
    }

    /** The series-level columns as stored, to tell whether an instance changes them. */
    public SeriesColumns columns() {
        return new SeriesColumns(modality, seriesNumber, seriesDescription, bodyPartExamined, sourceAet);
    }

    /** The series-level columns and the header kept for return keys, from an instance that changes them. */
    public void update(SeriesColumns c, byte[] attributes) {
        this.modality = c.modality();
        this.seriesNumber = c.seriesNumber();
        this.seriesDescription = c.seriesDescription();
        this.bodyPartExamined = c.bodyPartExamined();
        this.sourceAet = c.sourceAet();
        this.attributes = attributes;
    }

    public void addInstance() {
        numberOfInstances++;
    }

    /** Series-level columns taken from an instance (PS3.3 C.7.3.1). */
    public record SeriesColumns(String modality, Integer seriesNumber, String seriesDescription,
                                String bodyPartExamined, String sourceAet) {
    }
}
