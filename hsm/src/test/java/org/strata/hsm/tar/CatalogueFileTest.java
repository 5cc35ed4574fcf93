package org.strata.hsm.tar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.strata.hsm.digest.Sha256;

class CatalogueFileTest {

    static final Sha256 D1 = new Sha256("a".repeat(64));
    static final Sha256 D2 = new Sha256("b".repeat(64));

    @TempDir
    Path dir;

    static CatalogueEntry entry(String id, String vol, long header, long size) {
        long data = header + 512;
        return new CatalogueEntry(id, vol, header, data, size, data + (size + 511) / 512 * 512, D1);
    }

    @Test
    void replaysVolumesBatchesAndRemovals() throws IOException {
        Path f = dir.resolve("cat.tsv");
        try (CatalogueFile c = CatalogueFile.open(f)) {
            c.addVolume("vol-000001");
            c.addAll(List.of(entry("a", "vol-000001", 0, 100), entry("b", "vol-000001", 1024, 600)));
            c.addVolume("vol-000002");
            c.addAll(List.of(new CatalogueEntry("c", "vol-000002", 0, 512, 0, 512, D2)));
            c.remove("b");
            c.remove("never-there");
        }
        try (CatalogueFile c = CatalogueFile.open(f)) {
            assertEquals(List.of("vol-000001", "vol-000002"), c.volumes());
            assertEquals(entry("a", "vol-000001", 0, 100), c.find("a").orElseThrow());
            assertFalse(c.find("b").isPresent());
            assertEquals(D2, c.find("c").orElseThrow().sha256());
            assertEquals(1024 + 512 + 1024, c.committedEnd("vol-000001"), "removed entries still occupy the volume");
            assertEquals(512, c.committedEnd("vol-000002"));
            assertEquals(0, c.committedEnd("vol-000003"));
            assertEquals(List.of("a"), c.entries("vol-000001").stream().map(CatalogueEntry::id).toList());
        }
        assertEquals(1, Files.readAllLines(f).stream().filter(l -> l.startsWith("D\t")).count());
    }

    @Test
    void batchWithoutItsCommitRecordIsDroppedAndCutOff() throws IOException {
        Path f = dir.resolve("cat.tsv");
        try (CatalogueFile c = CatalogueFile.open(f)) {
            c.addVolume("vol-000001");
            c.addAll(List.of(entry("kept", "vol-000001", 0, 10)));
        }
        long clean = Files.size(f);
        // a crash in the middle of writing a batch: whole E lines, a torn one, no C line
        Files.writeString(f, "E\tlost1\tvol-000001\t1024\t1536\t10\t2048\t" + D1.hex() + "\nE\tlost2\tvol-0",
                StandardOpenOption.APPEND);
        try (CatalogueFile c = CatalogueFile.open(f)) {
            assertTrue(c.find("kept").isPresent());
            assertFalse(c.find("lost1").isPresent());
            assertFalse(c.find("lost2").isPresent());
            assertEquals(1024, c.committedEnd("vol-000001"));
            assertEquals(clean, Files.size(f), "torn tail cut off");
            c.addAll(List.of(entry("after", "vol-000001", 1024, 10)));
        }
        try (CatalogueFile c = CatalogueFile.open(f)) {
            assertTrue(c.find("after").isPresent());
            assertFalse(c.find("lost1").isPresent());
        }
    }

    @Test
    void badLineFollowedByValidRecordsIsCorruptionNotATornTail() throws IOException {
        Path f = dir.resolve("cat.tsv");
        try (CatalogueFile c = CatalogueFile.open(f)) {
            c.addVolume("vol-000001");
        }
        Files.writeString(f, "X\tgarbage\nV\tvol-000002\n", StandardOpenOption.APPEND);
        long size = Files.size(f);
        IOException e = assertThrows(IOException.class, () -> CatalogueFile.open(f));
        assertTrue(e.getMessage().contains("Corrupt catalogue"), e.getMessage());
        assertEquals(size, Files.size(f), "nothing cut off a corrupt catalogue");
    }

    @Test
    void foreignFileIsRefused() throws IOException {
        Path f = dir.resolve("other.txt");
        Files.writeString(f, "hello\n", StandardCharsets.UTF_8);
        assertThrows(IOException.class, () -> CatalogueFile.open(f));
    }

    @Test
    void entriesMustNameAKnownVolume() throws IOException {
        try (CatalogueFile c = CatalogueFile.open(dir.resolve("cat.tsv"))) {
            assertThrows(IllegalArgumentException.class, () -> c.addAll(List.of(entry("x", "vol-000009", 0, 1))));
            assertThrows(IllegalArgumentException.class, () -> {
                c.addVolume("v");
                c.addVolume("v");
            });
        }
    }
}
