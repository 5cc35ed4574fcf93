package org.strata.ejb.hsm;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** Storage groups and tiering rules: stored in the database, changed through the REST API. */
@Stateless
@PermitAll
public class PolicyService {

    @PersistenceContext(unitName = "strata")
    private EntityManager em;

    public List<TierRule> rules() {
        return em.createNamedQuery(TierRule.FIND_ALL, TierRule.class).getResultList();
    }

    public Optional<TierRule> rule(String id) {
        return Optional.ofNullable(em.find(TierRule.class, id));
    }

    /** Returns true if created. */
    public boolean putRule(String id, RuleDefinition definition) {
        HsmIds.require(id);
        TierRule rule = em.find(TierRule.class, id);
        boolean created = rule == null;
        if (created) {
            rule = new TierRule(id);
            rule.update(definition);
            em.persist(rule);
        } else {
            rule.update(definition);
        }
        return created;
    }

    public boolean deleteRule(String id) {
        TierRule rule = em.find(TierRule.class, id);
        if (rule != null) {
            em.remove(rule);
        }
        return rule != null;
    }

    public List<StorageGroup> groups() {
        return em.createNamedQuery(StorageGroup.FIND_ALL, StorageGroup.class).getResultList();
    }

    public Optional<StorageGroup> group(String id) {
        return Optional.ofNullable(em.find(StorageGroup.class, id));
    }

    /** Returns true if created. */
    public boolean putGroup(String id, List<String> tiers, List<String> aeTitles) {
        HsmIds.require(id);
        if (tiers == null || tiers.isEmpty()) {
            throw new HsmRequestException("a storage group needs its tier chain: {\"tiers\": [\"online\", \"s3\", ...]}");
        }
        StorageGroup g = em.find(StorageGroup.class, id);
        if (g == null) {
            em.persist(new StorageGroup(id, tiers, aeTitles));
            return true;
        }
        g.update(tiers, aeTitles);
        return false;
    }

    public boolean deleteGroup(String id) {
        StorageGroup g = em.find(StorageGroup.class, id);
        if (g != null) {
            em.remove(g);
        }
        return g != null;
    }
}
