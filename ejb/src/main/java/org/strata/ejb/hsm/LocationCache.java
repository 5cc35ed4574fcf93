package org.strata.ejb.hsm;

import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.strata.ejb.hsm.CopyStore.Copy;

/**
 * The retrieve path's cache of copy locations (tier and object id → the copy's row, size and
 * digest), so that sending an instance does not query the database for its copy: WildFly's
 * Infinispan local cache {@value #JNDI} (configured by wildfly-config, bounded and expiring when
 * idle). Entries are plain strings, so a redeployed application never meets classes of the old
 * one. {@link CopyStore} invalidates an entry whenever its copy is recorded or released; a stale
 * entry (a copy removed by another node) is caught by {@link CopyReader}, which then asks the
 * database.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class LocationCache {

    public static final String JNDI = "java:jboss/infinispan/cache/strata/locations";

    /** Infinispan's {@code Cache} is a {@code ConcurrentMap}: no Infinispan type is needed here. */
    @Resource(lookup = JNDI)
    Map<String, String> cache;

    private final AtomicLong hits = new AtomicLong();
    private final AtomicLong misses = new AtomicLong();

    /** What the cache holds and how it served, for the REST API. */
    public record Stats(String backend, int entries, long hits, long misses) {
    }

    public Optional<Copy> get(String storageId, String objectId) {
        String v = cache.get(key(storageId, objectId));
        if (v == null) {
            misses.incrementAndGet();
            return Optional.empty();
        }
        hits.incrementAndGet();
        String[] f = v.split("\u0000", -1);
        return Optional.of(new Copy(Long.parseLong(f[0]), Long.parseLong(f[1]), f[2], storageId, objectId,
                Long.parseLong(f[3]), f[4]));
    }

    public void put(Copy c) {
        cache.put(key(c.storageId(), c.objectId()), c.locationPk() + "\u0000" + c.instancePk() + "\u0000"
                + c.sopInstanceUid() + "\u0000" + c.size() + "\u0000" + c.digest());
    }

    public void invalidate(String storageId, String objectId) {
        cache.remove(key(storageId, objectId));
    }

    public Stats stats() {
        String type = cache.getClass().getName();
        return new Stats(type.contains("infinispan") ? "infinispan" : type, cache.size(), hits.get(), misses.get());
    }

    private static String key(String storageId, String objectId) {
        return storageId + "\u0000" + objectId;
    }
}
