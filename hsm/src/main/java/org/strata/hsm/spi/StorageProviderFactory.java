package org.strata.hsm.spi;

import java.io.IOException;
import java.net.URI;

/**
 * Opens providers for one URI scheme. Implementations are listed in
 * {@code META-INF/services/org.strata.hsm.spi.StorageProviderFactory} and found by
 * {@link java.util.ServiceLoader}; they hold no state.
 */
public interface StorageProviderFactory {

    /** The scheme served, lower case, e.g. {@code file}. */
    String scheme();

    /** Opens a provider for {@code location}, whose scheme is {@link #scheme()}. */
    StorageProvider open(URI location, TierConfig config) throws IOException;
}
