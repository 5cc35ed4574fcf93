package org.strata.hsm.file;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;
import org.strata.hsm.spi.StorageProvider;
import org.strata.hsm.spi.StorageProviderContract;

class FileContractTest extends StorageProviderContract {

    @TempDir
    Path dir;

    @Override
    protected StorageProvider provider() throws Exception {
        return new FileStorageProvider(FileTierConfig.of(FreeSpacePolicy.MOST_FREE,
                FileRoot.readWrite(Files.createDirectories(dir.resolve("a"))),
                FileRoot.readWrite(Files.createDirectories(dir.resolve("b")))));
    }
}
