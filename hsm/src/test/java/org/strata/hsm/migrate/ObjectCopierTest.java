package org.strata.hsm.migrate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.strata.hsm.TestData;
import org.strata.hsm.digest.DigestMismatchException;
import org.strata.hsm.digest.DigestingStorage;
import org.strata.hsm.digest.StoredObject;
import org.strata.hsm.mem.InMemoryStorageProvider;
import org.strata.hsm.spi.StorageProvider;
import org.strata.hsm.spi.StorageProviders;
import org.strata.hsm.spi.TierConfig;
import org.strata.hsm.tar.TarStorageProvider;
import org.strata.hsm.tar.TarTierConfig;

class ObjectCopierTest {

    @TempDir
    Path dir;

    private final InMemoryStorageProvider source = new InMemoryStorageProvider();

    private List<StoredObject> put(int n) throws IOException {
        List<StoredObject> objects = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            objects.add(new DigestingStorage(source).store("obj-" + i,
                    new ByteArrayInputStream(TestData.bytes(1000 + i * 37, i))));
        }
        return objects;
    }

    @Test
    void copiesToTapeAsOneBatchOnOneVolumeAndVerifies() throws Exception {
        List<StoredObject> objects = put(5);
        try (TarStorageProvider tape = TarStorageProvider.open(TarTierConfig.builder(dir.resolve("lib"))
                .volumeCapacity(1_000_000).build())) {
            new ObjectCopier(source, tape).copy(objects);
            assertEquals(1, tape.catalogue().volumes().size());
            for (StoredObject o : objects) {
                assertEquals(o.sha256(), tape.entry(o.id()).orElseThrow().sha256());
                assertArrayEquals(read(source, o.id()), read(tape, o.id()));
            }
        }
    }

    @Test
    void aTornCopyOnTheTargetIsRewrittenAndAGoodOneKept() throws Exception {
        List<StoredObject> objects = put(2);
        InMemoryStorageProvider target = new InMemoryStorageProvider();
        new DigestingStorage(target).store("obj-0", new ByteArrayInputStream(new byte[10])); // torn
        new DigestingStorage(target).store("obj-1", source.read("obj-1"));                    // good
        new ObjectCopier(source, target).copy(objects);
        assertArrayEquals(read(source, "obj-0"), read(target, "obj-0"));
        assertTrue(ObjectCopier.verifies(target, objects.get(1)));
    }

    @Test
    void aCorruptSourceIsNotCopied() throws Exception {
        List<StoredObject> objects = put(1);
        StoredObject wrong = new StoredObject("obj-0", objects.get(0).size(),
                new DigestingStorage(new InMemoryStorageProvider()).store("x", new ByteArrayInputStream(new byte[3])).sha256());
        InMemoryStorageProvider target = new InMemoryStorageProvider();
        assertThrows(DigestMismatchException.class, () -> new ObjectCopier(source, target).copy(List.of(wrong)));
        assertTrue(!target.exists("obj-0"));
    }

    @Test
    void aCorruptSourceInAStreamedTapeBatchLeavesTheVolumeAsItWasAndRecordsNothing() throws Exception {
        List<StoredObject> objects = put(3);
        try (TarStorageProvider tape = TarStorageProvider.open(TarTierConfig.builder(dir.resolve("lib"))
                .volumeCapacity(1_000_000).build())) {
            new ObjectCopier(source, tape).copy(objects.subList(0, 1));
            long before = java.nio.file.Files.size(tape.volumeFile(tape.catalogue().volumes().get(0)));
            StoredObject wrong = new StoredObject("obj-2", objects.get(2).size(), objects.get(1).sha256());
            assertThrows(DigestMismatchException.class,
                    () -> new ObjectCopier(source, tape).copy(List.of(objects.get(1), wrong)));
            assertTrue(!tape.exists("obj-1") && !tape.exists("obj-2"), "nothing of the failed batch recorded");
            assertEquals(before, java.nio.file.Files.size(tape.volumeFile(tape.catalogue().volumes().get(0))),
                    "the volume is cut back to where the batch began");
            new ObjectCopier(source, tape).copy(objects.subList(1, 3));
            for (StoredObject o : objects) {
                assertArrayEquals(read(source, o.id()), read(tape, o.id()));
            }
        }
    }

    @Test
    void aFileSourceIsCopiedToTapeByTheKernelAndEveryEntryReadsBackIdentical() throws Exception {
        try (StorageProvider disk = fileTier("disk"); TarStorageProvider tape = library()) {
            List<StoredObject> objects = putOn(disk, 40);
            assertTrue(disk.localFile("obj-0").isPresent(), "the disk tier offers its files to the kernel copy");
            new ObjectCopier(disk, tape).copy(objects);
            for (StoredObject o : objects) {
                assertEquals(o.sha256(), tape.entry(o.id()).orElseThrow().sha256());
                assertArrayEquals(read(disk, o.id()), read(tape, o.id()));
            }
            assertTrue(ObjectCopier.verifies(tape, objects.get(39)));
            Path volume = tape.volumeFile(tape.catalogue().volumes().get(0));
            assertEquals(objects.stream().map(StoredObject::id).toList(), List.of(new String(
                    TestData.run(dir, "tar", "-tf", volume.toString()), java.nio.charset.StandardCharsets.UTF_8)
                    .split("\n")), "GNU tar lists every entry of the volume");
            assertArrayEquals(read(disk, "obj-7"), TestData.run(dir, "tar", "-xOf", volume.toString(), "obj-7"));
        }
    }

    @Test
    void aCorruptOrResizedFileSourceFailsItsTapeBatchAndLeavesTheVolumeAsItWas() throws Exception {
        try (StorageProvider disk = fileTier("disk"); TarStorageProvider tape = library()) {
            List<StoredObject> objects = putOn(disk, 4);
            new ObjectCopier(disk, tape).copy(objects.subList(0, 1));
            Path volume = tape.volumeFile(tape.catalogue().volumes().get(0));
            long before = java.nio.file.Files.size(volume);
            Path flipped = disk.localFile("obj-2").orElseThrow();
            byte[] bytes = java.nio.file.Files.readAllBytes(flipped);
            bytes[bytes.length / 2] ^= 0x01;
            java.nio.file.Files.write(flipped, bytes);
            DigestMismatchException e = assertThrows(DigestMismatchException.class,
                    () -> new ObjectCopier(disk, tape).copy(objects.subList(1, 3)));
            assertEquals("obj-2", e.expected().id());
            assertTrue(!tape.exists("obj-1") && !tape.exists("obj-2"), "nothing of the failed batch recorded");
            assertEquals(before, java.nio.file.Files.size(volume), "the volume is cut back to where the batch began");
            java.nio.file.Files.write(disk.localFile("obj-3").orElseThrow(), new byte[] {7},
                    java.nio.file.StandardOpenOption.APPEND);
            IOException longer = assertThrows(IOException.class,
                    () -> new ObjectCopier(disk, tape).copy(objects.subList(3, 4)));
            assertTrue(longer.getMessage().contains("obj-3"), longer.getMessage());
            assertTrue(!tape.exists("obj-3"));
            assertEquals(before, java.nio.file.Files.size(volume));
            new ObjectCopier(disk, tape).copy(objects.subList(1, 2));
            assertArrayEquals(read(disk, "obj-1"), read(tape, "obj-1"));
        }
    }

    private TarStorageProvider library() throws IOException {
        return TarStorageProvider.open(TarTierConfig.builder(dir.resolve("lib")).volumeCapacity(100_000_000).build());
    }

    private StorageProvider fileTier(String name) throws IOException {
        java.nio.file.Files.createDirectories(dir.resolve(name));
        return StorageProviders.open(java.net.URI.create("file:" + dir.resolve(name).toAbsolutePath()),
                TierConfig.of(java.util.Map.of()));
    }

    private static List<StoredObject> putOn(StorageProvider tier, int n) throws IOException {
        List<StoredObject> objects = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            objects.add(new DigestingStorage(tier).store("obj-" + i,
                    new ByteArrayInputStream(TestData.bytes(100_000 + i * 4099, i))));
        }
        return objects;
    }

    @Test
    void aDamagedTapeCopyFailsTheReadBack() throws Exception {
        List<StoredObject> objects = put(2);
        try (TarStorageProvider tape = TarStorageProvider.open(TarTierConfig.builder(dir.resolve("lib"))
                .volumeCapacity(1_000_000).build())) {
            new ObjectCopier(source, tape).copy(objects);
            var entry = tape.entry("obj-1").orElseThrow();
            try (var ch = java.nio.channels.FileChannel.open(tape.volumeFile(entry.volume()),
                    java.nio.file.StandardOpenOption.WRITE)) {
                ch.write(java.nio.ByteBuffer.wrap(new byte[] {0x55, 0x55}), entry.dataOffset() + 10);
            }
            DigestMismatchException e = assertThrows(DigestMismatchException.class,
                    () -> new ObjectCopier(source, tape).verifyAll(objects));
            assertEquals("obj-1", e.expected().id());
        }
    }

    private static byte[] read(StorageProvider p, String id) throws IOException {
        try (InputStream in = p.read(id)) {
            return in.readAllBytes();
        }
    }
}
