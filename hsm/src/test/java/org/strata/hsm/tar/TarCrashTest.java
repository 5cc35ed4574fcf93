package org.strata.hsm.tar;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.strata.hsm.TestData;
import org.strata.hsm.digest.DigestingStorage;

/** Crashes mid-volume: a real halted child JVM, and a torn partial write. */
class TarCrashTest {

    @TempDir
    Path library;

    TarStorageProvider reopen() throws Exception {
        return TarStorageProvider.open(TarTierConfig.builder(library).volumeCapacity(10_000_000).build());
    }

    @Test
    void crashBetweenVolumeFsyncAndCatalogueLeavesATailCutAtTheNextMount() throws Exception {
        Process p = new ProcessBuilder(TestData.javaCommand(TarCrashingWriter.class, library.toString()))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(137, p.exitValue());
        assertEquals("kept", out.strip());

        Path vol = library.resolve("vol-000001.tar");
        // the doomed entry's bytes did reach the volume ...
        assertEquals(List.of("kept", "doomed"), GnuTar.names(vol));

        try (TarStorageProvider tier = reopen()) {
            // ... but the catalogue never recorded them: not visible
            assertTrue(tier.exists("kept"));
            assertFalse(tier.exists("doomed"));
            assertThrows(NoSuchFileException.class, () -> tier.read("doomed"));
            // the next mount cuts the tail; the id can be stored again
            assertArrayEquals(TestData.bytes(10_000, 1), TestData.readAll(tier.read("kept")));
            assertEquals(List.of("kept"), GnuTar.names(vol));
            new DigestingStorage(tier).store("doomed", new ByteArrayInputStream(new byte[] {42}));
            assertArrayEquals(new byte[] {42}, TestData.readAll(tier.read("doomed")));
        }
        assertEquals(List.of("kept", "doomed"), GnuTar.names(vol));
        assertArrayEquals(new byte[] {42}, GnuTar.extract(vol, "doomed"));
    }

    @Test
    void tornPartialWriteIsCutAndTheVolumeStaysReadable() throws Exception {
        try (TarStorageProvider tier = reopen()) {
            new DigestingStorage(tier).store("a", new ByteArrayInputStream(TestData.bytes(3000, 5)));
        }
        Path vol = library.resolve("vol-000001.tar");
        long clean = Files.size(vol);
        // a crash while writing the next batch: a header and part of its data over the
        // end-of-archive blocks and beyond
        byte[] half = new byte[1500];
        System.arraycopy("b.dcm".getBytes(StandardCharsets.US_ASCII), 0, half, 0, 5);
        java.util.Arrays.fill(half, 100, 1500, (byte) '7');
        try (var ch = java.nio.channels.FileChannel.open(vol, StandardOpenOption.WRITE)) {
            ch.write(java.nio.ByteBuffer.wrap(half), clean - 1024);
        }
        assertEquals(clean + 1500 - 1024, Files.size(vol));

        try (TarStorageProvider tier = reopen()) {
            new DigestingStorage(tier).store("c", new ByteArrayInputStream(TestData.bytes(100, 6)));
            assertArrayEquals(TestData.bytes(3000, 5), TestData.readAll(tier.read("a")));
        }
        assertEquals(List.of("a", "c"), GnuTar.names(vol));
        assertArrayEquals(TestData.bytes(100, 6), GnuTar.extract(vol, "c"));
    }

    @Test
    void lostCatalogueNeverLetsAVolumeBeOverwritten() throws Exception {
        try (TarStorageProvider tier = reopen()) {
            new DigestingStorage(tier).store("precious", new ByteArrayInputStream(TestData.bytes(3000, 8)));
        }
        Files.delete(library.resolve(TarStorageProvider.CATALOGUE_FILE));
        Path vol = library.resolve("vol-000001.tar");
        long size = Files.size(vol);
        try (TarStorageProvider tier = reopen()) {
            java.io.IOException e = assertThrows(java.io.IOException.class,
                    () -> new DigestingStorage(tier).store("new", new ByteArrayInputStream(new byte[] {1})));
            assertTrue(e.getMessage().contains("refusing to overwrite"), e.getMessage());
        }
        assertEquals(size, Files.size(vol));
        assertArrayEquals(TestData.bytes(3000, 8), GnuTar.extract(vol, "precious"));
    }

    @Test
    void catalogueWhoseFirstWriteWasTornStartsAfresh() throws Exception {
        Files.writeString(library.resolve(TarStorageProvider.CATALOGUE_FILE), "# strata tar cat");
        try (TarStorageProvider tier = reopen()) {
            new DigestingStorage(tier).store("x", new ByteArrayInputStream(new byte[] {1}));
        }
        try (TarStorageProvider tier = reopen()) {
            assertTrue(tier.exists("x"));
        }
    }

    @Test
    void volumeShorterThanItsCatalogueIsReportedNotPapered() throws Exception {
        try (TarStorageProvider tier = reopen()) {
            new DigestingStorage(tier).store("a", new ByteArrayInputStream(TestData.bytes(3000, 7)));
        }
        Path vol = library.resolve("vol-000001.tar");
        try (var ch = java.nio.channels.FileChannel.open(vol, StandardOpenOption.WRITE)) {
            ch.truncate(1024); // committed bytes lost (e.g. a damaged cartridge)
        }
        try (TarStorageProvider tier = reopen()) {
            java.io.IOException e = assertThrows(java.io.IOException.class, () -> tier.read("a"));
            assertTrue(e.getMessage().contains("committed entries are missing"), e.getMessage());
        }
        assertEquals(1024, Files.size(vol), "left as found");
    }
}
