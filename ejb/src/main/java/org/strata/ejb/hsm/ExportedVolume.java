package org.strata.ejb.hsm;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import org.strata.ejb.entity.InstantConverter;

/**
 * A tape volume taken out of the library (exported): the copies on it are OFFLINE (PS3.3
 * C.4.23.1.1) until it is imported again, and no retrieve tries to mount it.
 */
@Entity
@Table(name = "hsm_exported_volume")
@NamedQuery(name = ExportedVolume.ALL, query = "SELECT v FROM ExportedVolume v")
public class ExportedVolume {

    public static final String ALL = "ExportedVolume.all";

    /** {@code tier/volume}. */
    @Id
    @Column(name = "id", length = 200)
    private String id;

    @Column(name = "tier_id", length = 64, nullable = false)
    private String tierId;

    @Column(name = "volume", length = 128, nullable = false)
    private String volume;

    @Column(name = "exported_at", nullable = false, columnDefinition = InstantConverter.SQL_TYPE)
    private Instant exportedAt;

    protected ExportedVolume() {
    }

    public ExportedVolume(String tierId, String volume, Instant exportedAt) {
        this.id = key(tierId, volume);
        this.tierId = tierId;
        this.volume = volume;
        this.exportedAt = exportedAt;
    }

    static String key(String tierId, String volume) {
        return tierId + "/" + volume;
    }

    public String getId() {
        return id;
    }

    public String getTierId() {
        return tierId;
    }

    public String getVolume() {
        return volume;
    }

    public Instant getExportedAt() {
        return exportedAt;
    }
}
