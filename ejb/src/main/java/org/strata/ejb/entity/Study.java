package org.strata.ejb.entity;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
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
import java.time.Instant;

/** A study (PS3.3 C.7.2.1), with counts maintained on ingest rather than computed per query. */
@Entity
@Table(name = "study", indexes = {
        @Index(name = "uk_study_iuid", columnList = "study_iuid", unique = true),
        @Index(name = "ix_study_date", columnList = "study_date"),
        @Index(name = "ix_study_accession", columnList = "accession_no"),
        @Index(name = "ix_study_id", columnList = "study_id"),
        @Index(name = "ix_study_received", columnList = "received_at"),
        @Index(name = "ix_study_accessed", columnList = "accessed_at")})
@NamedQuery(name = Study.FIND_BY_UID, query = "SELECT s FROM Study s WHERE s.studyInstanceUid = :uid")
@NamedQuery(name = Study.FRESH_BY_UID, query = "SELECT s FROM Study s WHERE s.studyInstanceUid = :uid",
        hints = @QueryHint(name = "eclipselink.refresh", value = "true"))
public class Study {

    public static final String FIND_BY_UID = "Study.findByUid";
    /**
     * {@link #FIND_BY_UID} refreshing the cached entity from the row read (the indexer's look-up:
     * the counts it increments are checked by {@code @Version} at commit, so they must not start
     * from a stale cached copy). No lock: a pessimistic lock makes EclipseLink prepare the query
     * anew at every execution, and the indexer's batches are serialised by its group commit.
     */
    public static final String FRESH_BY_UID = "Study.freshByUid";

    @Id
    @TableGenerator(name = "study_ids", table = "id_generator", pkColumnName = "name", valueColumnName = "next_id",
            pkColumnValue = "study", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "study_ids")
    private long pk;

    @Version
    private long version;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "patient_fk")
    private Patient patient;

    @Column(name = "study_iuid", length = 64, nullable = false)
    private String studyInstanceUid;

    @Column(name = "study_date", length = 8)
    private String studyDate;

    @Column(name = "study_time", length = 16)
    private String studyTime;

    @Column(name = "accession_no", length = 16)
    private String accessionNumber;

    @Column(name = "study_id", length = 16)
    private String studyId;

    @Column(name = "ref_physician", length = 324)
    private String referringPhysicianName;

    @Column(name = "study_desc", length = 64)
    private String studyDescription;

    /** Modalities in Study (0008,0061), backslash-separated, kept up to date on ingest. */
    @Column(name = "modalities", length = 256)
    private String modalitiesInStudy;

    @Column(name = "num_series", nullable = false)
    private int numberOfSeries;

    @Column(name = "num_instances", nullable = false)
    private int numberOfInstances;

    @Column(name = "size_bytes", nullable = false)
    private long sizeBytes;

    @Enumerated(EnumType.STRING)
    @Column(name = "availability", length = 16, nullable = false)
    private Availability availability = Availability.ONLINE;

    @Column(name = "received_at", nullable = false, columnDefinition = InstantConverter.SQL_TYPE)
    private Instant receivedAt;

    @Column(name = "accessed_at", nullable = false, columnDefinition = InstantConverter.SQL_TYPE)
    private Instant accessedAt;

    @Lob
    @Basic(fetch = FetchType.LAZY)
    @Column(name = "attributes")
    private byte[] attributes;

    protected Study() {
    }

    public Study(Patient patient, String studyInstanceUid, Instant receivedAt) {
        this.patient = patient;
        this.studyInstanceUid = studyInstanceUid;
        this.receivedAt = receivedAt;
        this.accessedAt = receivedAt;
    }

    public long getPk() {
        return pk;
    }

    public Patient getPatient() {
        return patient;
    }

    public String getStudyInstanceUid() {
        return studyInstanceUid;
    }

    public String getStudyDate() {
        return studyDate;
    }

    public String getAccessionNumber() {
        return accessionNumber;
    }

    public String getModalitiesInStudy() {
        return modalitiesInStudy;
    }

    public int getNumberOfSeries() {
        return numberOfSeries;
    }

    public int getNumberOfInstances() {
        return numberOfInstances;
    }

    public long getSizeBytes() {
        return sizeBytes;
    }

    public Availability getAvailability() {
        return availability;
    }

    /** When the study was last stored to or retrieved from (the storage manager's rules and evictor read it). */
    public Instant getAccessedAt() {
        return accessedAt;
    }

    /** Set by the storage manager when the copies of the study change. */
    public void setAvailability(Availability availability) {
        this.availability = availability;
    }

    public Instant getReceivedAt() {
        return receivedAt;
    }

    public byte[] getAttributes() {
        return attributes;
    }

    /** The study-level columns as stored, to tell whether an instance changes them. */
    public StudyColumns columns() {
        return new StudyColumns(studyDate, studyTime, accessionNumber, studyId, referringPhysicianName,
                studyDescription);
    }

    /** The study-level columns and the header kept for return keys, from an instance that changes them. */
    public void update(StudyColumns c, byte[] attributes) {
        this.studyDate = c.studyDate();
        this.studyTime = c.studyTime();
        this.accessionNumber = c.accessionNumber();
        this.studyId = c.studyId();
        this.referringPhysicianName = c.referringPhysicianName();
        this.studyDescription = c.studyDescription();
        this.attributes = attributes;
    }

    /** Counts one more series (or none) and one more instance of {@code bytes}. */
    public void addInstance(boolean newSeries, String modality, long bytes, Instant now) {
        if (newSeries) {
            numberOfSeries++;
        }
        numberOfInstances++;
        sizeBytes += bytes;
        accessedAt = now;
        if (modality != null && !modality.isEmpty()) {
            modalitiesInStudy = Modalities.add(modalitiesInStudy, modality);
        }
    }

    /** Study-level columns taken from an instance (PS3.3 C.7.2.1). */
    public record StudyColumns(String studyDate, String studyTime, String accessionNumber, String studyId,
                               String referringPhysicianName, String studyDescription) {
    }
}
