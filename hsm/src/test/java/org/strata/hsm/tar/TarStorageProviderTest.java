package org.strata.hsm.tar;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.strata.hsm.TestData;
import org.strata.hsm.digest.DigestMismatchException;
import org.strata.hsm.digest.DigestingStorage;
import org.strata.hsm.digest.Sha256;
import org.strata.hsm.digest.StoredObject;
import org.strata.hsm.spi.StorageProvider;
import org.strata.hsm.spi.StorageProvider.PendingWrite;
import org.strata.hsm.spi.StorageProviders;
import org.strata.hsm.spi.TierConfig;

/** The tape tier on a real library directory; volumes checked with GNU tar. */
class TarStorageProviderTest {

    @TempDir
    Path library;
    TarStorageProvider tier;

    @AfterEach
    void closeTier() throws IOException {
        if (tier != null) {
            tier.close();
        }
    }

    TarStorageProvider open(long capacity) throws IOException {
        tier = TarStorageProvider.open(TarTierConfig.builder(library).volumeCapacity(capacity).build());
        return tier;
    }

    static StoredObject store(StorageProvider p, String id, byte[] data) throws IOException {
        return new DigestingStorage(p).store(id, new ByteArrayInputStream(data));
    }

    @Test
    void volumeIsAStandardTarThatGnuTarListsAndExtracts() throws Exception {
        open(10_000_000);
        byte[] a = TestData.bytes(100_000, 21);
        byte[] b = TestData.bytes(511, 22);
        byte[] c = new byte[0];
        String longId = "1.2.840.113619.2.55.3.604688119.969.1268071029.320." + "9".repeat(140);
        byte[] d = TestData.bytes(70_000, 23);
        StoredObject sa = store(tier, "a.dcm", a);
        store(tier, "b.dcm", b);
        store(tier, "empty", c);
        store(tier, longId, d);

        Path vol = tier.volumeFile("vol-000001");
        assertEquals(List.of("a.dcm", "b.dcm", "empty", longId), GnuTar.names(vol));
        List<String> listing = GnuTar.listing(vol);
        assertTrue(listing.get(0).matches("-rw-r--r-- .* 100000 .* a\\.dcm"), listing.get(0));
        assertTrue(listing.get(1).matches("-rw-r--r-- .* 511 .* b\\.dcm"), listing.get(1));
        assertArrayEquals(a, GnuTar.extract(vol, "a.dcm"));
        assertArrayEquals(b, GnuTar.extract(vol, "b.dcm"));
        assertArrayEquals(d, GnuTar.extract(vol, longId), "POSIX (pax) long name");

        assertArrayEquals(a, TestData.readAll(tier.read("a.dcm")));
        assertArrayEquals(d, TestData.readAll(tier.read(longId)));
        assertEquals(0, TestData.readAll(tier.read("empty")).length);
        assertArrayEquals(Arrays.copyOfRange(a, 5000, 5100), TestData.readAll(tier.readRange("a.dcm", 5000, 100)));
        assertArrayEquals(Arrays.copyOfRange(b, 500, 511), TestData.readAll(tier.readRange("b.dcm", 500, 100)));
        assertThrows(EOFException.class, () -> tier.readRange("b.dcm", 511, 1));

        CatalogueEntry e = tier.entry("a.dcm").orElseThrow();
        assertEquals(sa, e.storedObject(), "the catalogue holds the size and digest the digest layer computed");
        assertEquals(new Sha256(TestData.sha256Hex(a)), e.sha256());
        assertEquals(0, e.dataOffset() % 512);
        assertEquals(tier.catalogue().committedEnd("vol-000001") + 1024, Files.size(vol));
    }

    @Test
    void readSeeksStraightToTheEntryWithoutScanningTheVolume() throws Exception {
        open(10_000_000);
        byte[] first = TestData.bytes(3000, 24);
        byte[] second = TestData.bytes(3000, 25);
        store(tier, "first", first);
        store(tier, "second", second);
        // wreck the first entry's header: a reader scanning from the start could not get past it
        try (FileChannel ch = FileChannel.open(tier.volumeFile("vol-000001"), StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.wrap(TestData.bytes(512, 26)), tier.entry("first").orElseThrow().headerOffset());
        }
        assertArrayEquals(second, TestData.readAll(tier.read("second")));
    }

    @Test
    void corruptedBytesOnTheVolumeFailTheVerifyingRead() throws Exception {
        open(10_000_000);
        byte[] data = TestData.bytes(8000, 27);
        store(tier, "victim", data);
        CatalogueEntry e = tier.entry("victim").orElseThrow();
        try (FileChannel ch = FileChannel.open(tier.volumeFile(e.volume()), StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.wrap(new byte[] {(byte) ~data[4000]}), e.dataOffset() + 4000);
        }
        try (InputStream in = new DigestingStorage(tier).readVerified(e.storedObject())) {
            assertThrows(DigestMismatchException.class, in::readAllBytes);
        }
    }

    @Test
    void fullVolumeRollsToTheNextAndEveryVolumeStaysWithinCapacity() throws Exception {
        open(64 * 1024);
        List<byte[]> data = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            data.add(TestData.bytes(20_000, 30 + i));
            store(tier, "obj" + i, data.get(i));
        }
        assertEquals(List.of("vol-000001", "vol-000002", "vol-000003"), tier.catalogue().volumes());
        assertEquals(List.of("obj0", "obj1", "obj2"), GnuTar.names(tier.volumeFile("vol-000001")));
        assertEquals(List.of("obj3", "obj4", "obj5"), GnuTar.names(tier.volumeFile("vol-000002")));
        assertEquals(List.of("obj6"), GnuTar.names(tier.volumeFile("vol-000003")));
        for (String v : tier.catalogue().volumes()) {
            assertTrue(Files.size(tier.volumeFile(v)) <= 64 * 1024, v);
        }
        for (int i = 0; i < 7; i++) { // reads hop between volumes
            assertArrayEquals(data.get(i), TestData.readAll(tier.read("obj" + i)));
        }
        assertArrayEquals(data.get(4), GnuTar.extract(tier.volumeFile("vol-000002"), "obj4"));
    }

    @Test
    void objectLargerThanAVolumeIsRefusedAndLeavesNothing() throws Exception {
        open(64 * 1024);
        PendingWrite w = tier.create("huge");
        w.stream().write(new byte[70_000]);
        IOException e = assertThrows(IOException.class, w::commit);
        assertTrue(e.getMessage().contains("more than a volume holds"), e.getMessage());
        assertFalse(tier.exists("huge"));
        assertTrue(tier.catalogue().volumes().isEmpty());
        try (var s = Files.list(tier.config().spool())) {
            assertEquals(0, s.count(), "spool file removed");
        }
    }

    @Test
    void limitedLibraryRefusesANewVolumeWhenFull() throws Exception {
        tier = TarStorageProvider.open(TarTierConfig.builder(library).volumeCapacity(64 * 1024).maxVolumes(1).build());
        long before = tier.usableSpace();
        assertEquals(64 * 1024 - 1024, before);
        for (int i = 0; i < 3; i++) {
            store(tier, "f" + i, new byte[20_000]);
        }
        assertTrue(tier.usableSpace() < before);
        IOException e = assertThrows(IOException.class, () -> store(tier, "f3", new byte[20_000]));
        assertTrue(e.getMessage().contains("is full"), e.getMessage());
        assertFalse(tier.exists("f3"));
    }

    @Test
    void pendingAndRevokedWritesLeaveNothing() throws Exception {
        open(10_000_000);
        store(tier, "before", new byte[] {1});
        long end = tier.catalogue().committedEnd("vol-000001");
        PendingWrite w = tier.create("revoked");
        w.stream().write(TestData.bytes(5000, 40));
        assertFalse(tier.exists("revoked"));
        w.revoke();
        try (PendingWrite closed = tier.create("closed")) {
            closed.stream().write(1);
        }
        assertFalse(tier.exists("revoked"));
        assertFalse(tier.exists("closed"));
        assertEquals(end, tier.catalogue().committedEnd("vol-000001"));
        assertEquals(List.of("before"), GnuTar.names(tier.volumeFile("vol-000001")));
        try (var s = Files.list(tier.config().spool())) {
            assertEquals(0, s.count());
        }
        assertThrows(FileAlreadyExistsException.class, () -> tier.create("before"));
    }

    @Test
    void batchGoesContiguouslyOntoOneVolumeAndIsInvisibleUntilCommitted() throws Exception {
        open(200 * 1024);
        store(tier, "filler", new byte[100_000]);
        List<byte[]> data = new ArrayList<>();
        List<CatalogueEntry> entries;
        try (TarBatch batch = tier.openBatch()) {
            for (int i = 0; i < 5; i++) {
                data.add(TestData.bytes(30_000, 50 + i));
                try (PendingWrite w = batch.create("study1-" + i)) {
                    w.stream().write(data.get(i));
                    w.commit();
                }
                assertFalse(tier.exists("study1-" + i), "staged, not visible");
            }
            assertThrows(FileAlreadyExistsException.class, () -> batch.create("study1-0"));
            entries = batch.commit();
        }
        // the 5 x 30 kB batch did not fit behind the filler: the whole batch went to a new volume
        assertEquals(5, entries.size());
        assertTrue(entries.stream().allMatch(e -> e.volume().equals("vol-000002")), entries.toString());
        for (int i = 1; i < 5; i++) {
            assertEquals(entries.get(i - 1).endOffset(), entries.get(i).headerOffset(), "contiguous");
        }
        assertEquals(List.of("study1-0", "study1-1", "study1-2", "study1-3", "study1-4"),
                GnuTar.names(tier.volumeFile("vol-000002")));
        for (int i = 0; i < 5; i++) {
            assertArrayEquals(data.get(i), TestData.readAll(tier.read("study1-" + i)));
        }
    }

    @Test
    void revokedBatchLeavesNothingAndOpenWritesBlockTheCommit() throws Exception {
        open(10_000_000);
        TarBatch batch = tier.openBatch();
        PendingWrite a = batch.create("a");
        a.stream().write(1);
        a.commit();
        PendingWrite b = batch.create("b");
        b.stream().write(2);
        assertThrows(IllegalStateException.class, batch::commit, "b is still open");
        batch.revoke();
        b.close();
        assertFalse(tier.exists("a"));
        assertFalse(tier.exists("b"));
        assertTrue(tier.catalogue().volumes().isEmpty());
        try (var s = Files.list(tier.config().spool())) {
            assertEquals(0, s.count());
        }
    }

    @Test
    void catalogueFailureAfterTheVolumeWriteCutsTheVolumeBack() throws Exception {
        Path cat = library.resolve("catalogue.tsv");
        FailingCatalogue failing = new FailingCatalogue(CatalogueFile.open(cat));
        tier = new TarStorageProvider(TarTierConfig.builder(library).volumeCapacity(10_000_000).build(), failing);
        store(tier, "ok", new byte[] {1, 2, 3});
        failing.failNext = true;
        assertThrows(IOException.class, () -> store(tier, "unrecorded", new byte[5000]));
        assertFalse(tier.exists("unrecorded"));
        Path vol = tier.volumeFile("vol-000001");
        assertEquals(List.of("ok"), GnuTar.names(vol));
        assertEquals(tier.catalogue().committedEnd("vol-000001") + 1024, Files.size(vol));
        store(tier, "next", new byte[] {4});
        assertEquals(List.of("ok", "next"), GnuTar.names(vol));
    }

    @Test
    void deleteForgetsTheObject() throws Exception {
        open(10_000_000);
        store(tier, "gone", new byte[] {1});
        tier.delete("gone");
        tier.delete("gone");
        assertFalse(tier.exists("gone"));
        assertThrows(NoSuchFileException.class, () -> tier.read("gone"));
        tier.close();
        tier = null;
        open(10_000_000);
        assertFalse(tier.exists("gone"), "the removal is durable");
        assertEquals(List.of("gone"), GnuTar.names(tier.volumeFile("vol-000001")), "bytes stay until repacked");
    }

    @Test
    void reopenedLibraryReadsFromItsCatalogueAndIsLockedWhileOpen() throws Exception {
        open(10_000_000);
        byte[] data = TestData.bytes(12_345, 60);
        store(tier, "persisted", data);
        assertThrows(IOException.class, () -> TarStorageProvider.open(TarTierConfig.builder(library).build()));
        tier.close();
        tier = null;
        try (StorageProvider p = StorageProviders.open(URI.create("tar:" + library.toUri().getRawPath()),
                TierConfig.of(Map.of("volumeCapacity", "10000000", "mountDelay", "PT0.01S")))) {
            assertInstanceOf(TarStorageProvider.class, p);
            assertArrayEquals(data, TestData.readAll(p.read("persisted")));
            store(p, "more", new byte[] {7});
        }
        assertEquals(List.of("persisted", "more"), GnuTar.names(library.resolve("vol-000001.tar")));
    }

    @Test
    void concurrentWritersAndReadersAcrossRollingVolumes() throws Exception {
        open(64 * 1024);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 12; i++) {
                        byte[] data = TestData.bytes(9000 + i, thread * 100L + i);
                        store(tier, "t" + thread + "-" + i, data);
                        // read back an earlier object, usually on another volume by now
                        int j = i / 2;
                        assertArrayEquals(TestData.bytes(9000 + j, thread * 100L + j),
                                TestData.readAll(tier.read("t" + thread + "-" + j)));
                    }
                    return null;
                }));
            }
            for (java.util.concurrent.Future<?> f : done) {
                f.get(120, java.util.concurrent.TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        List<String> names = new ArrayList<>();
        for (String v : tier.catalogue().volumes()) {
            List<String> onVolume = GnuTar.names(tier.volumeFile(v));
            assertEquals(tier.catalogue().entries(v).stream().map(CatalogueEntry::id).toList(), onVolume, v);
            assertTrue(Files.size(tier.volumeFile(v)) <= 64 * 1024, v);
            names.addAll(onVolume);
        }
        assertEquals(48, names.size());
        assertEquals(48, new java.util.HashSet<>(names).size());
        assertTrue(tier.catalogue().volumes().size() >= 48 / 6, "rolled: " + tier.catalogue().volumes());
    }

    /** Delegates to a real catalogue; fails one addAll on request. */
    static class FailingCatalogue implements VolumeCatalogue {
        private final VolumeCatalogue delegate;
        volatile boolean failNext;

        FailingCatalogue(VolumeCatalogue delegate) {
            this.delegate = delegate;
        }

        @Override
        public List<String> volumes() {
            return delegate.volumes();
        }

        @Override
        public void addVolume(String volume) throws IOException {
            delegate.addVolume(volume);
        }

        @Override
        public void addAll(List<CatalogueEntry> batch) throws IOException {
            if (failNext) {
                failNext = false;
                throw new IOException("injected: catalogue database unavailable");
            }
            delegate.addAll(batch);
        }

        @Override
        public java.util.Optional<CatalogueEntry> find(String id) {
            return delegate.find(id);
        }

        @Override
        public void remove(String id) throws IOException {
            delegate.remove(id);
        }

        @Override
        public long committedEnd(String volume) {
            return delegate.committedEnd(volume);
        }

        @Override
        public List<CatalogueEntry> entries(String volume) {
            return delegate.entries(volume);
        }

        @Override
        public void close() throws IOException {
            delegate.close();
        }
    }
}
