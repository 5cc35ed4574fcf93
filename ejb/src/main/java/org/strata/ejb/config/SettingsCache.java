package org.strata.ejb.config;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Settings already read, so that hot paths (every C-STORE, every C-FIND) do not ask the database
 * each time. {@link SettingsService#put} drops an entry when its transaction ends; a change made
 * on another server of a cluster is seen there after that server's restart.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class SettingsCache {

    private final Map<String, Optional<String>> values = new ConcurrentHashMap<>();

    public Optional<String> get(String name, Function<String, Optional<String>> load) {
        Optional<String> value = values.get(name);
        if (value == null) {
            value = load.apply(name);
            values.put(name, value);
        }
        return value;
    }

    public void invalidate(String name) {
        values.remove(name);
    }
}
