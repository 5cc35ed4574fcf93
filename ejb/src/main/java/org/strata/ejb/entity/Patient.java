package org.strata.ejb.entity;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Lob;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.QueryHint;
import jakarta.persistence.TableGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import jakarta.persistence.Version;

/** A patient, identified by Patient ID and Issuer of Patient ID (PS3.3 C.7.1.1). */
@Entity
@Table(name = "patient",
        uniqueConstraints = @UniqueConstraint(name = "uk_patient", columnNames = {"patient_id", "issuer", "id_less_name"}),
        indexes = {
                @Index(name = "ix_patient_name", columnList = "patient_name"),
                @Index(name = "ix_patient_name_upper", columnList = "patient_name_upper"),
                @Index(name = "ix_patient_birth_date", columnList = "birth_date")})
@NamedQuery(name = Patient.FIND_BY_ID,
        query = "SELECT p FROM Patient p WHERE p.patientId = :patientId AND p.issuer = :issuer",
        hints = @QueryHint(name = "eclipselink.refresh", value = "true"))
@NamedQuery(name = Patient.FIND_WITHOUT_ID_BY_NAME,
        query = "SELECT p FROM Patient p WHERE p.patientId = '' AND p.issuer = :issuer AND p.idLessName = :name",
        hints = @QueryHint(name = "eclipselink.refresh", value = "true"))
public class Patient {

    /**
     * The patient by ID and issuer, refreshing the cached entity from the row read (the indexer's
     * look-up; see {@link Study#FRESH_BY_UID}).
     */
    public static final String FIND_BY_ID = "Patient.findById";
    /** Instances without Patient ID belong to one patient per Patient's Name, never to one shared record. */
    public static final String FIND_WITHOUT_ID_BY_NAME = "Patient.findWithoutIdByName";

    @Id
    @TableGenerator(name = "patient_ids", table = "id_generator", pkColumnName = "name", valueColumnName = "next_id",
            pkColumnValue = "patient", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "patient_ids")
    private long pk;

    @Version
    private long version;

    /** Patient ID (0010,0020); empty string when the instance had none. */
    @Column(name = "patient_id", length = 64, nullable = false)
    private String patientId;

    /** Issuer of Patient ID (0010,0021); empty string when none. */
    @Column(name = "issuer", length = 64, nullable = false)
    private String issuer;

    /**
     * For a patient without Patient ID: the Patient's Name that identifies it, so that unrelated
     * instances without ID are not merged into one record; empty for patients with an ID.
     */
    @Column(name = "id_less_name", length = 324, nullable = false)
    private String idLessName;

    /** Patient's Name (0010,0010) as received, all component groups. */
    @Column(name = "patient_name", length = 324)
    private String patientName;

    /** Patient's Name upper-cased, for case-insensitive matching where an AE asks for it. */
    @Column(name = "patient_name_upper", length = 324)
    private String patientNameUpper;

    /** Patient's Birth Date (0010,0030), YYYYMMDD. */
    @Column(name = "birth_date", length = 8)
    private String birthDate;

    /** Patient's Sex (0010,0040). */
    @Column(name = "sex", length = 16)
    private String sex;

    @Column(name = "num_studies", nullable = false)
    private int numberOfStudies;

    /** The patient-level attributes as a dataset, for return keys that are not columns. */
    @Lob
    @Basic(fetch = FetchType.LAZY)
    @Column(name = "attributes")
    private byte[] attributes;

    protected Patient() {
    }

    public Patient(String patientId, String issuer, String patientName) {
        this.patientId = patientId;
        this.issuer = issuer;
        this.idLessName = patientId.isEmpty() ? patientName : "";
    }

    public long getPk() {
        return pk;
    }

    public String getPatientId() {
        return patientId;
    }

    public String getIssuer() {
        return issuer;
    }

    public String getPatientName() {
        return patientName;
    }

    public String getBirthDate() {
        return birthDate;
    }

    public String getSex() {
        return sex;
    }

    public int getNumberOfStudies() {
        return numberOfStudies;
    }

    public void addStudies(int delta) {
        numberOfStudies += delta;
    }

    public byte[] getAttributes() {
        return attributes;
    }

    /** True when an instance brings the demographics already stored (nothing to update). */
    public boolean hasDemographics(String patientName, String birthDate, String sex) {
        return java.util.Objects.equals(this.patientName, patientName)
                && java.util.Objects.equals(this.birthDate, birthDate) && java.util.Objects.equals(this.sex, sex);
    }

    /** Takes the demographic columns and the attribute blob from an instance that changes them. */
    public void update(String patientName, String birthDate, String sex, byte[] attributes) {
        this.patientName = patientName;
        this.patientNameUpper = patientName == null ? null : patientName.toUpperCase(java.util.Locale.ROOT);
        this.birthDate = birthDate;
        this.sex = sex;
        this.attributes = attributes;
    }
}
