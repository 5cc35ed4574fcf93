package org.strata.hsm.tar;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.strata.hsm.spi.StorageProvider;
import org.strata.hsm.spi.StorageProviderContract;

class TarContractTest extends StorageProviderContract {

    @TempDir
    Path library;
    TarStorageProvider tier;

    @Override
    protected StorageProvider provider() throws Exception {
        tier = TarStorageProvider.open(TarTierConfig.builder(library).volumeCapacity(1_000_000).build());
        return tier;
    }

    @AfterEach
    void close() throws Exception {
        if (tier != null) {
            tier.close();
        }
    }
}
