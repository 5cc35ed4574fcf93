package org.strata.hsm.spi;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** Finds the provider factory for a URI scheme with {@link ServiceLoader} and opens a provider. */
public final class StorageProviders {

    private StorageProviders() {
    }

    /**
     * Opens the tier at {@code location}, e.g. {@code file:/var/lib/strata/fs1},
     * {@code s3://bucket/prefix/}, {@code tar:/var/lib/strata/library}.
     *
     * @throws IllegalArgumentException when no factory serves the scheme
     */
    public static StorageProvider open(URI location, TierConfig config) throws IOException {
        String scheme = location.getScheme();
        if (scheme == null) {
            throw new IllegalArgumentException("Storage location without a scheme: " + location);
        }
        StorageProviderFactory factory = factories().get(scheme.toLowerCase(Locale.ROOT));
        if (factory == null) {
            throw new IllegalArgumentException("No storage provider for scheme '" + scheme
                    + "' (available: " + factories().keySet() + ")");
        }
        return factory.open(location, config);
    }

    /** The factories found, by scheme. */
    public static Map<String, StorageProviderFactory> factories() {
        Map<String, StorageProviderFactory> byScheme = new TreeMap<>();
        for (StorageProviderFactory f : ServiceLoader.load(StorageProviderFactory.class,
                StorageProviders.class.getClassLoader())) {
            byScheme.putIfAbsent(f.scheme().toLowerCase(Locale.ROOT), f);
        }
        return byScheme;
    }
}
