/**
 * The storage SPI of the hierarchical storage manager: {@link org.strata.hsm.spi.StorageProvider}
 * (two-phase writes, reads, range reads, keyed by opaque ids), one
 * {@link org.strata.hsm.spi.StorageProviderFactory} per URI scheme found by
 * {@link java.util.ServiceLoader}, and {@link org.strata.hsm.spi.StorageProviders#open} to open a
 * tier from its URI and settings. Digests live in a layer above
 * ({@link org.strata.hsm.digest.DigestingStorage}), not in the providers.
 */
package org.strata.hsm.spi;
