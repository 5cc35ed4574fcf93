package org.strata.ejb.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReconciliationTest {

    @TempDir
    Path dir;

    /** The tier root inside the temporary directory: its stamp is kept beside it, not in /tmp. */
    private Path root;

    @org.junit.jupiter.api.BeforeEach
    void createRoot() throws Exception {
        root = Files.createDirectory(dir.resolve("storage"));
    }

    private Path object(String id, Instant modified) throws Exception {
        Path f = Files.createDirectories(root.resolve("ab").resolve("cd")).resolve(id);
        Files.writeString(f, id);
        Files.setLastModifiedTime(f, FileTime.from(modified));
        return f;
    }

    @Test
    void unindexedObjectsAreDeletedAndIndexedOnesKept() throws Exception {
        Instant now = Instant.now();
        Path indexed = object("indexed", now.minusSeconds(60));
        Path orphan = object("orphan", now.minusSeconds(60));
        assertEquals(1, Reconciliation.run(root, now, Set.of("indexed")::contains));
        assertTrue(Files.exists(indexed));
        assertFalse(Files.exists(orphan));
    }

    @Test
    void objectsWrittenAfterTheStartOfReconciliationAreLeftAlone() throws Exception {
        Instant now = Instant.now();
        Path inFlight = object("in-flight", now.plusSeconds(1));
        assertEquals(0, Reconciliation.run(root, now, id -> false));
        assertTrue(Files.exists(inFlight));
    }

    @Test
    void objectsOlderThanTheLastReconciliationAreNotLookedAtAgain() throws Exception {
        Instant first = Instant.now().minusSeconds(3600);
        Path old = object("old", first.minusSeconds(3600));
        Reconciliation.run(root, first, id -> true);
        assertEquals(0, Reconciliation.run(root, Instant.now(), id -> false), "old object is not re-examined");
        assertTrue(Files.exists(old));
        Path recent = object("recent", Instant.now().minusSeconds(5));
        Files.setLastModifiedTime(recent.getParent(), FileTime.from(Instant.now().minusSeconds(5)));
        Files.setLastModifiedTime(recent.getParent().getParent(), FileTime.from(Instant.now().minusSeconds(5)));
        assertEquals(1, Reconciliation.run(root, Instant.now(), id -> false));
        assertFalse(Files.exists(recent));
    }
}
