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
import jakarta.persistence.TableGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** A composite instance (PS3.3 C.12.1): one stored SOP instance. */
@Entity
@Table(name = "instance", indexes = {
        @Index(name = "uk_instance_iuid", columnList = "sop_iuid", unique = true),
        @Index(name = "ix_instance_cuid", columnList = "sop_cuid")})
@NamedQuery(name = Instance.FIND_BY_UID, query = "SELECT i FROM Instance i WHERE i.sopInstanceUid = :uid")
public class Instance {

    public static final String FIND_BY_UID = "Instance.findByUid";

    @Id
    @TableGenerator(name = "instance_ids", table = "id_generator", pkColumnName = "name", valueColumnName = "next_id",
            pkColumnValue = "instance", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "instance_ids")
    private long pk;

    @Version
    private long version;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "series_fk")
    private Series series;

    @Column(name = "sop_iuid", length = 64, nullable = false)
    private String sopInstanceUid;

    @Column(name = "sop_cuid", length = 64, nullable = false)
    private String sopClassUid;

    @Column(name = "instance_no")
    private Integer instanceNumber;

    /** The transfer syntax the instance is stored in (as received). */
    @Column(name = "tsuid", length = 64, nullable = false)
    private String transferSyntaxUid;

    @Enumerated(EnumType.STRING)
    @Column(name = "availability", length = 16, nullable = false)
    private Availability availability = Availability.ONLINE;

    @Column(name = "received_at", nullable = false, columnDefinition = InstantConverter.SQL_TYPE)
    private Instant receivedAt;

    /** The full header without bulk data, for return keys that are not columns. */
    @Lob
    @Basic(fetch = FetchType.LAZY)
    @Column(name = "attributes")
    private byte[] attributes;

    protected Instance() {
    }

    public Instance(Series series, String sopInstanceUid, String sopClassUid, String transferSyntaxUid,
                    Integer instanceNumber, Instant receivedAt, byte[] attributes) {
        this.series = series;
        this.sopInstanceUid = sopInstanceUid;
        this.sopClassUid = sopClassUid;
        this.transferSyntaxUid = transferSyntaxUid;
        this.instanceNumber = instanceNumber;
        this.receivedAt = receivedAt;
        this.attributes = attributes;
    }

    public byte[] getAttributes() {
        return attributes;
    }

    /** A new copy replaced the stored one: its header replaces the kept one. */
    public void replaceAttributes(String transferSyntaxUid, byte[] attributes) {
        this.transferSyntaxUid = transferSyntaxUid;
        this.attributes = attributes;
    }

    public long getPk() {
        return pk;
    }

    public Series getSeries() {
        return series;
    }

    public String getSopInstanceUid() {
        return sopInstanceUid;
    }

    public String getSopClassUid() {
        return sopClassUid;
    }

    public Integer getInstanceNumber() {
        return instanceNumber;
    }

    public String getTransferSyntaxUid() {
        return transferSyntaxUid;
    }

    public Availability getAvailability() {
        return availability;
    }

    /** Set by the storage manager when the copies of the instance change. */
    public void setAvailability(Availability availability) {
        this.availability = availability;
    }
}
