package org.strata.ejb.ae;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/**
 * The remote AE table. Read from the database on every use, so a change takes effect for the
 * next association without a restart.
 */
@Stateless
@PermitAll
public class RemoteAEService {

    @PersistenceContext(unitName = "strata")
    private EntityManager em;

    public Optional<RemoteAEConfig> find(String aeTitle) {
        RemoteAE ae = em.find(RemoteAE.class, AeTitle.normalize(aeTitle));
        return Optional.ofNullable(ae).map(RemoteAE::toConfig);
    }

    public List<RemoteAEConfig> all() {
        return em.createNamedQuery(RemoteAE.FIND_ALL, RemoteAE.class).getResultStream()
                .map(RemoteAE::toConfig).toList();
    }

    /** Creates or replaces the entry of {@code config.aeTitle()}; true when it was created. */
    public boolean put(RemoteAEConfig config) {
        RemoteAE ae = em.find(RemoteAE.class, config.aeTitle());
        if (ae == null) {
            em.persist(new RemoteAE(config));
            return true;
        }
        ae.update(config);
        return false;
    }

    /** Removes an entry; false when there was none. */
    public boolean delete(String aeTitle) {
        RemoteAE ae = em.find(RemoteAE.class, AeTitle.normalize(aeTitle));
        if (ae == null) {
            return false;
        }
        em.remove(ae);
        return true;
    }
}
