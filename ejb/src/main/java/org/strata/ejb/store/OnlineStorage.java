package org.strata.ejb.store;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.logging.Logger;
import org.strata.ejb.entity.Location;
import org.strata.hsm.digest.DigestingStorage;
import org.strata.hsm.file.FileStorageProvider;
import org.strata.hsm.spi.StorageProvider;
import org.strata.hsm.spi.StorageProviders;
import org.strata.hsm.spi.TierConfig;

/**
 * The online tier instances are received into: a {@code file:} tier under the data directory
 * ({@code strata.data.dir}/storage), written through the digest layer.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class OnlineStorage {

    private static final Logger LOG = Logger.getLogger(OnlineStorage.class.getName());

    /** The storage id recorded in every location on this tier. */
    public static final String STORAGE_ID = "online";

    private StorageProvider provider;
    private DigestingStorage digesting;

    @PersistenceContext(unitName = "strata")
    private EntityManager em;

    /**
     * Opens the tier and, before anything is received, removes what a crash left: temporary
     * files of unfinished writes and objects committed but never indexed.
     */
    @PostConstruct
    void open() {
        Path root = Path.of(System.getProperty("strata.data.dir", "strata-data"), "storage").toAbsolutePath();
        Instant now = Instant.now();
        try {
            Files.createDirectories(root);
            provider = StorageProviders.open(URI.create(root.toUri().toString()), TierConfig.empty());
            if (provider instanceof FileStorageProvider files) {
                int temporaries = files.purgeTemporaries(now);
                int orphans = Reconciliation.run(root, now, this::referenced);
                if (temporaries + orphans > 0) {
                    LOG.warning("online tier " + root + ": removed " + temporaries + " unfinished and " + orphans
                            + " unindexed objects left by an earlier crash");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the online tier at " + root + ": " + e.getMessage(), e);
        }
        digesting = new DigestingStorage(provider);
    }

    private boolean referenced(String objectId) {
        return em.createNamedQuery(Location.COUNT_BY_OBJECT, Long.class).setParameter("storageId", STORAGE_ID)
                .setParameter("objectId", objectId).getSingleResult() > 0;
    }

    @PreDestroy
    void close() {
        try {
            provider.close();
        } catch (IOException e) {
            LOG.warning("closing the online tier: " + e.getMessage());
        }
    }

    /** A tier opened elsewhere (tests of the ingest path on a temporary directory). */
    static OnlineStorage of(StorageProvider provider) {
        OnlineStorage storage = new OnlineStorage();
        storage.provider = provider;
        storage.digesting = new DigestingStorage(provider);
        return storage;
    }

    public DigestingStorage digesting() {
        return digesting;
    }

    public StorageProvider provider() {
        return provider;
    }
}
