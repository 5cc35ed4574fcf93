package org.strata.ejb.hsm;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.TableGenerator;

/**
 * An object whose location row is gone and whose bytes are still to be deleted: written in the
 * same transaction that removes the location, removed after the tier deleted the object. What a
 * crash leaves here is deleted at the next pass, so no orphan object remains.
 */
@Entity
@Table(name = "hsm_pending_deletion")
@NamedQuery(name = PendingDeletion.ALL, query = "SELECT d FROM PendingDeletion d ORDER BY d.pk")
public class PendingDeletion {

    public static final String ALL = "PendingDeletion.all";

    @Id
    @TableGenerator(name = "hsm_deletion_ids", table = "id_generator", pkColumnName = "name", valueColumnName = "next_id",
            pkColumnValue = "hsm_deletion", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "hsm_deletion_ids")
    private long pk;

    @Column(name = "storage_id", length = 64, nullable = false)
    private String storageId;

    @Column(name = "object_id", length = 255, nullable = false)
    private String objectId;

    protected PendingDeletion() {
    }

    public PendingDeletion(String storageId, String objectId) {
        this.storageId = storageId;
        this.objectId = objectId;
    }

    public long getPk() {
        return pk;
    }

    public String getStorageId() {
        return storageId;
    }

    public String getObjectId() {
        return objectId;
    }
}
