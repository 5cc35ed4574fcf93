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
import org.strata.hsm.digest.DigestingStorage;
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

    /** The storage id recorded in every location on this tier. */
    public static final String STORAGE_ID = "online";

    private StorageProvider provider;
    private DigestingStorage digesting;

    @PostConstruct
    void open() {
        Path root = Path.of(System.getProperty("strata.data.dir", "strata-data"), "storage").toAbsolutePath();
        try {
            Files.createDirectories(root);
            provider = StorageProviders.open(URI.create(root.toUri().toString()), TierConfig.empty());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the online tier at " + root + ": " + e.getMessage(), e);
        }
        digesting = new DigestingStorage(provider);
    }

    @PreDestroy
    void close() {
        try {
            provider.close();
        } catch (IOException e) {
            java.util.logging.Logger.getLogger(OnlineStorage.class.getName())
                    .warning("closing the online tier: " + e.getMessage());
        }
    }

    public DigestingStorage digesting() {
        return digesting;
    }

    public StorageProvider provider() {
        return provider;
    }
}
