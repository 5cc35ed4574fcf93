package org.strata.ejb.hsm;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.strata.hsm.spi.StorageProvider;
import org.strata.hsm.tar.TarStorageProvider;

/** Configures tiers (rows and open providers) and reports their usage. */
@Stateless
@PermitAll
public class TierService {

    @PersistenceContext(unitName = "strata")
    private EntityManager em;

    @EJB
    TierRegistry registry;

    /** What a tier holds and has left. {@code mounts} counts tape mounts (0 elsewhere). */
    public record Usage(String tierId, long objects, long bytes, long usableBytes, int mounts) {
    }

    public List<Tier> all() {
        return em.createNamedQuery(Tier.FIND_ALL, Tier.class).getResultList();
    }

    public Optional<Tier> find(String id) {
        return Optional.ofNullable(em.find(Tier.class, id));
    }

    /** Creates or changes a tier; the provider is opened first, so a bad URI changes nothing. Returns true if created. */
    public boolean put(String id, String uri, Map<String, String> settings) {
        HsmIds.require(id);
        registry.replace(id, uri, settings);
        Tier tier = em.find(Tier.class, id);
        if (tier == null) {
            em.persist(new Tier(id, uri, settings));
            return true;
        }
        tier.update(uri, settings);
        return false;
    }

    /** Deletes a tier; refused while it holds the only copy of any instance. */
    public boolean delete(String id) {
        Tier tier = em.find(Tier.class, id);
        if (tier == null) {
            return false;
        }
        long onlyCopies = em.createQuery("SELECT COUNT(l) FROM Location l WHERE l.storageId = :tier AND NOT EXISTS"
                + " (SELECT o FROM Location o WHERE o.instance = l.instance AND o.storageId <> :tier)", Long.class)
                .setParameter("tier", id).getSingleResult();
        if (onlyCopies > 0) {
            throw new HsmConflictException("tier " + id + " holds the only copy of " + onlyCopies
                    + " instances; move them first");
        }
        long copies = em.createQuery("SELECT COUNT(l) FROM Location l WHERE l.storageId = :tier", Long.class)
                .setParameter("tier", id).getSingleResult();
        if (copies > 0) {
            throw new HsmConflictException("tier " + id + " still holds " + copies
                    + " copies (each also kept elsewhere); delete them by a DELETE rule first");
        }
        em.remove(tier);
        registry.close(id);
        return true;
    }

    public Usage usage(String id) throws IOException {
        StorageProvider p = registry.provider(id);
        Object[] row = em.createQuery("SELECT COUNT(l), SUM(l.sizeBytes) FROM Location l WHERE l.storageId = :tier",
                Object[].class).setParameter("tier", id).getSingleResult();
        long bytes = row[1] == null ? 0 : ((Number) row[1]).longValue();
        return new Usage(id, ((Number) row[0]).longValue(), bytes, p.usableSpace(),
                p instanceof TarStorageProvider tape ? tape.mounts() : 0);
    }
}
