package org.strata.ejb.hsm;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.strata.ejb.entity.Availability;
import org.strata.ejb.store.OnlineStorage;
import org.strata.hsm.spi.StorageProvider;
import org.strata.hsm.spi.StorageProviders;
import org.strata.hsm.tar.CatalogueEntry;
import org.strata.hsm.tar.TarStorageProvider;
import org.strata.hsm.tier.TierUri;

/**
 * The open storage providers by tier id: the built-in online tier ({@link OnlineStorage}) and
 * the tiers configured in {@link Tier} rows, opened at start and re-opened when changed.
 */
@Singleton
@Startup
@DependsOn("OnlineStorage")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class TierRegistry {

    private static final Logger LOG = Logger.getLogger(TierRegistry.class.getName());

    /** The id of the built-in online tier, as recorded by ingest. */
    public static final String ONLINE = OnlineStorage.STORAGE_ID;

    @EJB
    OnlineStorage online;

    @PersistenceContext(unitName = "strata")
    private EntityManager em;

    private final Map<String, StorageProvider> providers = new ConcurrentHashMap<>();

    /** {@code tier/volume} of the exported tape volumes. */
    private final Set<String> exported = ConcurrentHashMap.newKeySet();

    @PostConstruct
    void openConfigured() {
        em.createNamedQuery(ExportedVolume.ALL, ExportedVolume.class).getResultList()
                .forEach(v -> exported.add(v.getId()));
        for (Tier t : em.createNamedQuery(Tier.FIND_ALL, Tier.class).getResultList()) {
            try {
                providers.put(t.getId(), open(t.getUri(), t.getSettings()));
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.WARNING, "tier " + t.getId() + " (" + t.getUri() + ") cannot be opened: " + e.getMessage(), e);
            }
        }
    }

    @PreDestroy
    void closeAll() {
        providers.keySet().forEach(this::close);
    }

    /** The provider of a tier; {@link HsmRequestException} when no such tier is open. */
    public StorageProvider provider(String tierId) {
        if (ONLINE.equals(tierId)) {
            return online.provider();
        }
        StorageProvider p = providers.get(tierId);
        if (p == null) {
            throw new HsmRequestException("no tier " + tierId + " is configured and open");
        }
        return p;
    }

    public Optional<StorageProvider> find(String tierId) {
        return ONLINE.equals(tierId) ? Optional.of(online.provider()) : Optional.ofNullable(providers.get(tierId));
    }

    /** Opens (or re-opens) a tier from its URI; on failure the old provider stays. */
    public synchronized void replace(String tierId, String uri, Map<String, String> settings) {
        if (ONLINE.equals(tierId)) {
            throw new HsmConflictException("the online tier is built in and cannot be changed here");
        }
        StorageProvider old = providers.remove(tierId);
        if (old != null) {
            closeQuietly(tierId, old); // a tape library is locked by its open provider
        }
        try {
            providers.put(tierId, open(uri, settings));
        } catch (IOException | RuntimeException e) {
            throw new HsmRequestException("tier " + tierId + " cannot be opened: " + e.getMessage(), e);
        }
    }

    public synchronized void close(String tierId) {
        StorageProvider p = providers.remove(tierId);
        if (p != null) {
            closeQuietly(tierId, p);
        }
    }

    /** ONLINE for disk tiers, NEARLINE for object and tape tiers (PS3.3 C.4.23.1.1). */
    public Availability availabilityOf(String tierId) {
        if (ONLINE.equals(tierId)) {
            return Availability.ONLINE;
        }
        StorageProvider p = providers.get(tierId);
        return p != null && "file".equals(p.scheme()) ? Availability.ONLINE : Availability.NEARLINE;
    }

    /**
     * The availability of one copy: that of its tier, but OFFLINE when it lies on an exported
     * tape volume.
     */
    public Availability availabilityOf(String tierId, String objectId) {
        return volumeOf(tierId, objectId).filter(v -> isExported(tierId, v)).isPresent() ? Availability.OFFLINE
                : availabilityOf(tierId);
    }

    /** The tape volume holding the object, if the tier is a tape tier that has it. */
    public Optional<String> volumeOf(String tierId, String objectId) {
        return find(tierId).filter(TarStorageProvider.class::isInstance).map(TarStorageProvider.class::cast)
                .flatMap(tape -> tape.entry(objectId)).map(CatalogueEntry::volume);
    }

    public boolean isExported(String tierId, String volume) {
        return exported.contains(ExportedVolume.key(tierId, volume));
    }

    /** Records in memory what {@link VolumeService} recorded in the database. */
    public void exported(String tierId, String volume, boolean isExported) {
        if (isExported) {
            exported.add(ExportedVolume.key(tierId, volume));
        } else {
            exported.remove(ExportedVolume.key(tierId, volume));
        }
    }

    /** Tier ids, most available first (disk before object and tape), the online tier first among disks. */
    public Comparator<String> preference() {
        return Comparator.comparing((String t) -> availabilityOf(t).ordinal())
                .thenComparing(t -> t.equals(ONLINE) ? 0 : 1);
    }

    private static StorageProvider open(String uri, Map<String, String> settings) throws IOException {
        TierUri t = TierUri.parse(uri, settings);
        return StorageProviders.open(t.location(), t.config());
    }

    private static void closeQuietly(String tierId, StorageProvider p) {
        try {
            p.close();
        } catch (IOException e) {
            LOG.warning("closing tier " + tierId + ": " + e.getMessage());
        }
    }
}
