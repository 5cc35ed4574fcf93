package org.strata.hsm.file;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.strata.hsm.TestData;
import org.strata.hsm.spi.StorageProvider.PendingWrite;

/** The disk tier on real directories: three roots in a temporary directory. */
class FileStorageProviderTest {

    @TempDir
    Path dir;
    Path r1;
    Path r2;
    Path r3;

    @BeforeEach
    void roots() throws IOException {
        r1 = Files.createDirectory(dir.resolve("fs1"));
        r2 = Files.createDirectory(dir.resolve("fs2"));
        r3 = Files.createDirectory(dir.resolve("fs3"));
    }

    FileStorageProvider tier(FreeSpacePolicy policy, FileRoot... roots) throws IOException {
        return new FileStorageProvider(FileTierConfig.of(policy, roots));
    }

    static void write(FileStorageProvider tier, String id, byte[] data) throws IOException {
        try (PendingWrite w = tier.create(id)) {
            w.stream().write(data);
            w.commit();
        }
    }

    static List<Path> regularFiles(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).toList();
        }
    }

    @Test
    void writesReadsAndRangesUnderAFanOut() throws Exception {
        FileStorageProvider tier = tier(FreeSpacePolicy.MOST_FREE, FileRoot.readWrite(r1));
        byte[] data = TestData.bytes(1_000_000, 7);
        write(tier, "1.2.3.4", data);

        assertTrue(tier.exists("1.2.3.4"));
        assertArrayEquals(data, TestData.readAll(tier.read("1.2.3.4")));
        assertArrayEquals(java.util.Arrays.copyOfRange(data, 123_456, 123_556),
                TestData.readAll(tier.readRange("1.2.3.4", 123_456, 100)));
        assertArrayEquals(java.util.Arrays.copyOfRange(data, 999_990, 1_000_000),
                TestData.readAll(tier.readRange("1.2.3.4", 999_990, 100)), "range clipped at the end");
        assertThrows(EOFException.class, () -> tier.readRange("1.2.3.4", 1_000_000, 1));

        List<Path> files = regularFiles(r1);
        assertEquals(1, files.size());
        Path rel = r1.relativize(files.get(0));
        assertEquals(3, rel.getNameCount(), "root/xx/yy/id: " + rel);
        assertTrue(rel.getName(0).toString().matches("[0-9a-f]{2}"));
        assertTrue(rel.getName(1).toString().matches("[0-9a-f]{2}"));
        assertEquals("1.2.3.4", rel.getFileName().toString());
    }

    @Test
    void manyObjectsSpreadOverManyDirectories() throws Exception {
        FileStorageProvider tier = tier(FreeSpacePolicy.MOST_FREE, FileRoot.readWrite(r1));
        for (int i = 0; i < 300; i++) {
            write(tier, "1.2.840.99." + i, new byte[] {(byte) i});
        }
        Map<Path, Integer> perDir = new HashMap<>();
        for (Path f : regularFiles(r1)) {
            perDir.merge(f.getParent(), 1, Integer::sum);
        }
        assertEquals(300, perDir.values().stream().mapToInt(Integer::intValue).sum());
        assertTrue(perDir.size() > 250, "ids with a common prefix still spread: " + perDir.size() + " dirs");
    }

    @Test
    void nothingIsVisibleBeforeCommitAndRevokeLeavesNothing() throws Exception {
        FileStorageProvider tier = tier(FreeSpacePolicy.MOST_FREE, FileRoot.readWrite(r1));
        PendingWrite w = tier.create("pending");
        OutputStream out = w.stream();
        out.write(TestData.bytes(200_000, 8));
        out.flush();
        out.close(); // closing the caller's stream is not a commit
        assertFalse(tier.exists("pending"));
        assertThrows(NoSuchFileException.class, () -> tier.read("pending"));
        assertEquals(1, regularFiles(r1).size(), "only the temporary file");
        assertTrue(regularFiles(r1).get(0).getFileName().toString().startsWith("."));

        w.revoke();
        assertTrue(regularFiles(r1).isEmpty());
        assertFalse(tier.exists("pending"));
        assertThrows(IllegalStateException.class, w::commit);
    }

    @Test
    void closeWithoutCommitRevokes() throws Exception {
        FileStorageProvider tier = tier(FreeSpacePolicy.MOST_FREE, FileRoot.readWrite(r1));
        try (PendingWrite w = tier.create("abandoned")) {
            w.stream().write(new byte[1000]);
        }
        assertFalse(tier.exists("abandoned"));
        assertTrue(regularFiles(r1).isEmpty());
    }

    @Test
    void commitIsOnceAndExistingIdsAreRefused() throws Exception {
        FileStorageProvider tier = tier(FreeSpacePolicy.MOST_FREE, FileRoot.readWrite(r1), FileRoot.readWrite(r2));
        PendingWrite w = tier.create("once");
        w.stream().write(1);
        w.commit();
        assertThrows(IllegalStateException.class, w::commit);
        assertThrows(IllegalStateException.class, w::revoke);
        assertThrows(IllegalStateException.class, w::stream);
        w.close();
        assertTrue(tier.exists("once"));
        assertThrows(FileAlreadyExistsException.class, () -> tier.create("once"));

        // two writes of one id racing: the second commit finds the first and is revoked
        PendingWrite a = tier.create("race");
        PendingWrite b = tier.create("race");
        a.stream().write(1);
        b.stream().write(2);
        a.commit();
        assertThrows(FileAlreadyExistsException.class, b::commit);
        assertArrayEquals(new byte[] {1}, TestData.readAll(tier.read("race")));
        assertEquals(2, regularFiles(dir).size(), "no temporary file left");
    }

    @Test
    void invalidIdsNeverTouchTheFileSystem() throws Exception {
        FileStorageProvider tier = tier(FreeSpacePolicy.MOST_FREE, FileRoot.readWrite(r1));
        for (String id : List.of("../../escape", "a/b", "..", ".tmp", "")) {
            assertThrows(IllegalArgumentException.class, () -> tier.create(id), id);
            assertThrows(IllegalArgumentException.class, () -> tier.read(id), id);
            assertThrows(IllegalArgumentException.class, () -> tier.delete(id), id);
        }
        try (Stream<Path> s = Files.walk(dir)) {
            assertEquals(4, s.count(), "only dir and the three roots");
        }
    }

    @Test
    void readOnlyAndRetiredRootsAreReadButNeverWritten() throws Exception {
        FileStorageProvider tier = tier(FreeSpacePolicy.MOST_FREE,
                FileRoot.readWrite(r1), FileRoot.readWrite(r2), FileRoot.readWrite(r3));
        tier.setState(r2, RootState.READ_ONLY);
        tier.setState(r3, RootState.READ_ONLY);
        write(tier, "old-on-1", new byte[] {1});
        assertEquals(r1, tier.rootOf("old-on-1").orElseThrow());
        tier.setState(r3, RootState.READ_WRITE);
        tier.setState(r1, RootState.READ_ONLY);
        tier.setState(r2, RootState.RETIRED);
        for (int i = 0; i < 50; i++) {
            write(tier, "new-" + i, new byte[] {(byte) i});
            assertEquals(r3, tier.rootOf("new-" + i).orElseThrow());
        }
        assertTrue(regularFiles(r2).isEmpty());
        assertEquals(1, regularFiles(r1).size());

        // still readable; READ_ONLY refuses deletes, RETIRED allows them
        assertArrayEquals(new byte[] {1}, TestData.readAll(tier.read("old-on-1")));
        assertThrows(AccessDeniedException.class, () -> tier.delete("old-on-1"));
        assertTrue(tier.exists("old-on-1"));

        tier.setState(r3, RootState.RETIRED);
        IOException full = assertThrows(IOException.class, () -> tier.create("nowhere"));
        assertTrue(full.getMessage().contains("No writable root"), full.getMessage());
        assertEquals(0, tier.usableSpace());
    }

    @Test
    void retiredRootAllowsDeletes() throws Exception {
        FileStorageProvider tier = tier(FreeSpacePolicy.FILL_IN_ORDER, FileRoot.readWrite(r1), FileRoot.readWrite(r2));
        write(tier, "x", new byte[] {1});
        assertEquals(r1, tier.rootOf("x").orElseThrow());
        tier.setState(r1, RootState.RETIRED);
        tier.delete("x");
        assertFalse(tier.exists("x"));
        tier.delete("x"); // deleting a missing object is not an error
    }

    @Test
    void watermarkSteersNewObjectsAwayFromAFullRoot() throws Exception {
        long free = Files.getFileStore(r1).getUsableSpace();
        // r1's watermark lies above what its file system has free: it counts as full
        FileStorageProvider tier = tier(FreeSpacePolicy.FILL_IN_ORDER,
                new FileRoot(r1, RootState.READ_WRITE, free * 2), FileRoot.readWrite(r2));
        for (int i = 0; i < 20; i++) {
            write(tier, "w" + i, new byte[] {1});
        }
        assertTrue(regularFiles(r1).isEmpty());
        assertEquals(20, regularFiles(r2).size());
    }

    @Test
    void policyDecidesWithTheMeasuredSpace() throws Exception {
        Map<Path, Long> space = new HashMap<>(Map.of(r1.toAbsolutePath(), 10L, r2.toAbsolutePath(), 30L));
        FileStorageProvider tier = new FileStorageProvider(FileTierConfig.of(FreeSpacePolicy.MOST_FREE,
                FileRoot.readWrite(r1), FileRoot.readWrite(r2)), root -> space.get(root));
        write(tier, "a", new byte[] {1});
        assertEquals(r2.toAbsolutePath(), tier.rootOf("a").orElseThrow());
        space.put(r1.toAbsolutePath(), 50L);
        write(tier, "b", new byte[] {1});
        assertEquals(r1.toAbsolutePath(), tier.rootOf("b").orElseThrow());
        assertEquals(80, tier.usableSpace());
    }

    @Test
    void concurrentWritersAndReadersShareTheTier() throws Exception {
        FileStorageProvider tier = tier(FreeSpacePolicy.MOST_FREE, FileRoot.readWrite(r1), FileRoot.readWrite(r2));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 40; i++) {
                        String id = "t" + thread + "-" + i;
                        byte[] data = TestData.bytes(1000 + i, thread * 100L + i);
                        write(tier, id, data);
                        assertArrayEquals(data, TestData.readAll(tier.read(id)));
                        if (i % 3 == 0) {
                            tier.setState(i % 2 == 0 ? r1 : r2, RootState.READ_WRITE);
                        }
                    }
                    return null;
                }));
            }
            for (java.util.concurrent.Future<?> f : done) {
                f.get(60, java.util.concurrent.TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(320, regularFiles(r1).size() + regularFiles(r2).size());
        assertTrue(regularFiles(dir).stream().noneMatch(p -> p.getFileName().toString().startsWith(".")));
    }

    @Test
    void missingRootIsRefusedAtStart() {
        assertThrows(NoSuchFileException.class, () -> tier(FreeSpacePolicy.MOST_FREE, FileRoot.readWrite(dir.resolve("absent"))));
    }
}
