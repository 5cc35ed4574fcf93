package org.strata.ejb.config;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.List;
import java.util.Optional;

/** Reads (through {@link SettingsCache}) and writes archive settings, each call in its own transaction. */
@Stateless
@PermitAll
public class SettingsService {

    @PersistenceContext(unitName = "strata")
    private EntityManager em;

    @EJB
    SettingsCache cache;

    @Resource
    TransactionSynchronizationRegistry transactions;

    @jakarta.ejb.TransactionAttribute(jakarta.ejb.TransactionAttributeType.SUPPORTS)
    public Optional<String> get(String name) {
        return cache.get(name, n -> Optional.ofNullable(em.find(Setting.class, n)).map(Setting::getValue));
    }

    public void put(String name, String value) {
        Setting setting = em.find(Setting.class, name);
        if (setting == null) {
            em.persist(new Setting(name, value));
        } else {
            setting.setValue(value);
        }
        // dropped now and again when the transaction ends: a reader in between may have cached the old value
        cache.invalidate(name);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                cache.invalidate(name);
            }
        });
    }

    public List<Setting> all() {
        return em.createNamedQuery(Setting.FIND_ALL, Setting.class).getResultList();
    }

}
