package org.strata.ejb.hsm;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;

/**
 * A tiering rule: which studies (age since received, age since last access, modality, source
 * AE, size) get which action (copy / move to a tier, delete after retention) from which tier.
 */
@Entity
@Table(name = "hsm_rule")
@NamedQuery(name = TierRule.FIND_ALL, query = "SELECT r FROM TierRule r ORDER BY r.id")
public class TierRule {

    public static final String FIND_ALL = "TierRule.findAll";

    @Id
    @Column(name = "id", length = 64)
    private String id;

    @Enumerated(EnumType.STRING)
    @Column(name = "action", length = 16, nullable = false)
    private RuleAction action;

    /** The tier the selected studies have copies on. */
    @Column(name = "source_tier", length = 64, nullable = false)
    private String sourceTier;

    /** The tier to copy or move to; null: the next tier of the storage group's chain. */
    @Column(name = "target_tier", length = 64)
    private String targetTier;

    @Column(name = "storage_group", length = 64)
    private String storageGroup;

    /** ISO-8601 durations; null: no condition. */
    @Column(name = "min_age_received", length = 32)
    private String minAgeSinceReceived;

    @Column(name = "min_age_accessed", length = 32)
    private String minAgeSinceAccess;

    @Column(name = "modality", length = 16)
    private String modality;

    @Column(name = "source_ae", length = 16)
    private String sourceAe;

    @Column(name = "min_size")
    private Long minSizeBytes;

    @Column(name = "max_size")
    private Long maxSizeBytes;

    /** A DELETE rule may remove the last copy only when this says so explicitly. */
    @Column(name = "delete_last_copy", nullable = false)
    private boolean deleteLastCopy;

    @Column(name = "enabled", nullable = false)
    private boolean enabled = true;

    @Version
    private long version;

    protected TierRule() {
    }

    public TierRule(String id) {
        this.id = id;
    }

    /** Replaces every field from a definition. */
    public void update(RuleDefinition d) {
        this.action = d.action();
        this.sourceTier = d.sourceTier();
        this.targetTier = d.targetTier();
        this.storageGroup = d.storageGroup();
        this.minAgeSinceReceived = d.minAgeSinceReceived() == null ? null : d.minAgeSinceReceived().toString();
        this.minAgeSinceAccess = d.minAgeSinceAccess() == null ? null : d.minAgeSinceAccess().toString();
        this.modality = d.modality();
        this.sourceAe = d.sourceAe();
        this.minSizeBytes = d.minSizeBytes();
        this.maxSizeBytes = d.maxSizeBytes();
        this.deleteLastCopy = d.deleteLastCopy();
        this.enabled = d.enabled();
    }

    public String getId() {
        return id;
    }

    public RuleDefinition definition() {
        return new RuleDefinition(action, sourceTier, targetTier, storageGroup,
                minAgeSinceReceived == null ? null : Duration.parse(minAgeSinceReceived),
                minAgeSinceAccess == null ? null : Duration.parse(minAgeSinceAccess),
                modality, sourceAe, minSizeBytes, maxSizeBytes, deleteLastCopy, enabled);
    }
}
