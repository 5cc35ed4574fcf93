package org.strata.hsm.file;

import java.io.IOException;
import java.nio.file.Path;
import org.strata.hsm.io.Fsync;
import org.strata.hsm.spi.DeferredSync;

/** Forcing one directory's entries: equal for the same directory, so a batch forces it once. */
record DirectorySync(Path directory) implements DeferredSync {

    @Override
    public void sync() throws IOException {
        Fsync.directory(directory);
    }
}
