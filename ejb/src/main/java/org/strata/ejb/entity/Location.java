package org.strata.ejb.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.TableGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One copy of an instance on a storage tier: the tier's id and the provider's opaque object id,
 * with the size and SHA-256 digest computed once at ingest and checked after every copy.
 */
@Entity
@Table(name = "location", indexes = {
        @Index(name = "ix_location_instance", columnList = "instance_fk"),
        @Index(name = "ix_location_storage", columnList = "storage_id")})
@NamedQuery(name = Location.FIND_BY_INSTANCE,
        query = "SELECT l FROM Location l WHERE l.instance = :instance ORDER BY l.pk")
@NamedQuery(name = Location.COUNT_BY_OBJECT,
        query = "SELECT COUNT(l) FROM Location l WHERE l.storageId = :storageId AND l.objectId = :objectId")
public class Location {

    public static final String FIND_BY_INSTANCE = "Location.findByInstance";
    public static final String COUNT_BY_OBJECT = "Location.countByObject";

    @Id
    @TableGenerator(name = "location_ids", table = "id_generator", pkColumnName = "name", valueColumnName = "next_id",
            pkColumnValue = "location", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "location_ids")
    private long pk;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "instance_fk")
    private Instance instance;

    /** The storage tier (configuration id), e.g. {@code online}. */
    @Column(name = "storage_id", length = 64, nullable = false)
    private String storageId;

    /** The provider's opaque object id. */
    @Column(name = "object_id", length = 255, nullable = false)
    private String objectId;

    @Column(name = "size_bytes", nullable = false)
    private long sizeBytes;

    /** SHA-256 of the stored bytes, lower-case hex. */
    @Column(name = "digest", length = 64, nullable = false)
    private String digest;

    @Column(name = "created_at", nullable = false, columnDefinition = InstantConverter.SQL_TYPE)
    private Instant createdAt;

    protected Location() {
    }

    public Location(Instance instance, String storageId, String objectId, long sizeBytes, String digest,
                    Instant createdAt) {
        this.instance = instance;
        this.storageId = storageId;
        this.objectId = objectId;
        this.sizeBytes = sizeBytes;
        this.digest = digest;
        this.createdAt = createdAt;
    }

    public Instance getInstance() {
        return instance;
    }

    public String getStorageId() {
        return storageId;
    }

    public String getObjectId() {
        return objectId;
    }

    public long getSizeBytes() {
        return sizeBytes;
    }

    public String getDigest() {
        return digest;
    }
}
