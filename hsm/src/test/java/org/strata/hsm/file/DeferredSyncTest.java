package org.strata.hsm.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.strata.hsm.spi.DeferredSync;
import org.strata.hsm.spi.StorageProvider.PendingWrite;

/** A commit that leaves forcing the directories to the caller (group commit). */
class DeferredSyncTest {

    @TempDir
    Path root;

    @Test
    void theObjectIsVisibleAndItsDirectoriesAreLeftToForce() throws Exception {
        FileStorageProvider tier = new FileStorageProvider(FileTierConfig.of(FreeSpacePolicy.MOST_FREE,
                FileRoot.readWrite(root)));
        List<DeferredSync> syncs;
        try (PendingWrite w = tier.create("obj-1")) {
            w.stream().write(new byte[] {1, 2, 3});
            syncs = w.commitDeferringSync();
        }
        assertTrue(tier.exists("obj-1"), "visible once renamed");
        Path file = FanOutLayout.resolve(root, "obj-1");
        // its own directory, then the parents of the two fan-out directories this write created
        assertEquals(List.of(new DirectorySync(file.getParent()), new DirectorySync(root),
                new DirectorySync(file.getParent().getParent())), syncs);
        for (DeferredSync s : syncs) {
            s.sync();
        }
        assertEquals(3, Files.size(file));
    }

    @Test
    void aSecondObjectInTheSameDirectoryNeedsTheSameSyncOnly() throws Exception {
        FileStorageProvider tier = new FileStorageProvider(FileTierConfig.of(FreeSpacePolicy.MOST_FREE,
                FileRoot.readWrite(root)));
        String first = "a";
        // an id landing in the same leaf directory as "a"
        String second = null;
        for (int i = 0; second == null; i++) {
            String id = "b" + i;
            if (FanOutLayout.resolve(root, id).getParent().equals(FanOutLayout.resolve(root, first).getParent())) {
                second = id;
            }
        }
        try (PendingWrite w = tier.create(first)) {
            w.commitDeferringSync();
        }
        List<DeferredSync> syncs;
        try (PendingWrite w = tier.create(second)) {
            syncs = w.commitDeferringSync();
        }
        assertEquals(List.of(new DirectorySync(FanOutLayout.resolve(root, first).getParent())), syncs);
    }
}
