package org.strata.hsm.spi;

import java.io.IOException;

/**
 * What still has to be forced to stable storage before a committed object survives a crash (for
 * a file: the directory holding its new name). Returned by
 * {@link StorageProvider.PendingWrite#commitDeferringSync()} so that a caller committing many
 * objects at once (group commit) forces each directory once for all of them. Implementations
 * are values: equal syncs need to run only once.
 */
@FunctionalInterface
public interface DeferredSync {

    void sync() throws IOException;
}
