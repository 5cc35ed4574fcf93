package org.strata.ejb.config;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** Reads and writes archive settings, each call in its own transaction. */
@Stateless
@PermitAll
public class SettingsService {

    @PersistenceContext(unitName = "strata")
    private EntityManager em;

    public Optional<String> get(String name) {
        Setting setting = em.find(Setting.class, name);
        return Optional.ofNullable(setting).map(Setting::getValue);
    }

    public void put(String name, String value) {
        Setting setting = em.find(Setting.class, name);
        if (setting == null) {
            em.persist(new Setting(name, value));
        } else {
            setting.setValue(value);
        }
    }

    public List<Setting> all() {
        return em.createNamedQuery(Setting.FIND_ALL, Setting.class).getResultList();
    }

}
