package org.strata.hsm.spi;

import org.strata.hsm.mem.InMemoryStorageProvider;

class InMemoryContractTest extends StorageProviderContract {

    private final InMemoryStorageProvider provider = new InMemoryStorageProvider();

    @Override
    protected StorageProvider provider() {
        return provider;
    }
}
