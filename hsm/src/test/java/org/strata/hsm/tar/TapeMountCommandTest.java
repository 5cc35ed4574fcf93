package org.strata.hsm.tar;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.strata.hsm.TestData;
import org.strata.hsm.digest.DigestingStorage;

/** The drive calls real external commands: shell scripts that log their calls. */
class TapeMountCommandTest {

    @TempDir
    Path dir;
    Path library;
    Path log;
    Path mountScript;
    Path unmountScript;

    @BeforeEach
    void scripts() throws IOException {
        library = dir.resolve("library");
        log = dir.resolve("robot.log");
        mountScript = dir.resolve("mount.sh");
        unmountScript = dir.resolve("unmount.sh");
        Files.writeString(mountScript, "#!/bin/sh\n"
                + "[ -f \"" + dir.resolve("broken") + "\" ] && { echo 'no cartridge in slot' >&2; exit 3; }\n"
                + "echo \"mount $1 $2\" >> \"" + log + "\"\n");
        Files.writeString(unmountScript, "#!/bin/sh\necho \"unmount $1\" >> \"" + log + "\"\n");
    }

    TarStorageProvider open(long capacity) throws IOException {
        return TarStorageProvider.open(TarTierConfig.builder(library).volumeCapacity(capacity)
                .mountDelay(Duration.ofMillis(20)).driveWaitTimeout(Duration.ofSeconds(30))
                .commands(new MountCommands(List.of("/bin/sh", mountScript.toString(), "{volume}", "{path}"),
                        List.of("/bin/sh", unmountScript.toString(), "{volume}"), Duration.ofSeconds(30)))
                .build());
    }

    List<String> calls() throws IOException {
        return Files.exists(log) ? Files.readAllLines(log) : List.of();
    }

    @Test
    void mountsAndUnmountsThroughTheCommandsAsVolumesChange() throws Exception {
        try (TarStorageProvider tier = open(64 * 1024)) {
            DigestingStorage s = new DigestingStorage(tier);
            for (int i = 0; i < 4; i++) { // 3 per volume: vol-000001 then vol-000002
                s.store("o" + i, new ByteArrayInputStream(new byte[20_000]));
            }
            assertEquals(List.of(
                    "mount vol-000001 " + library.resolve("vol-000001.tar"),
                    "unmount vol-000001",
                    "mount vol-000002 " + library.resolve("vol-000002.tar")), calls());

            TestData.readAll(tier.read("o3")); // mounted already: no command
            TestData.readAll(tier.read("o0"));
            TestData.readAll(tier.read("o1"));
            assertEquals(List.of("unmount vol-000002", "mount vol-000001 " + library.resolve("vol-000001.tar")),
                    calls().subList(3, 5));
            assertEquals(5, calls().size());
        }
        assertEquals("unmount vol-000001", calls().get(5), "closing the tier unmounts");
    }

    @Test
    void failingMountCommandFailsTheOperationWithItsOutput() throws Exception {
        try (TarStorageProvider tier = open(64 * 1024)) {
            new DigestingStorage(tier).store("a", new ByteArrayInputStream(new byte[20_000]));
            Files.createFile(dir.resolve("broken"));
            IOException e = assertThrows(IOException.class,
                    () -> new DigestingStorage(tier).store("needs-new-volume", new ByteArrayInputStream(new byte[50_000])));
            assertTrue(e.getMessage().contains("exited with 3") && e.getMessage().contains("no cartridge"), e.getMessage());
            assertFalse(tier.exists("needs-new-volume"));
            Files.delete(dir.resolve("broken"));
            assertArrayEquals(new byte[20_000], TestData.readAll(tier.read("a")));
        }
    }

    @Test
    void otherVolumeWaitsUntilTheOpenReadIsClosed() throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (TarStorageProvider tier = open(64 * 1024)) {
            DigestingStorage s = new DigestingStorage(tier);
            for (int i = 0; i < 4; i++) {
                s.store("o" + i, new ByteArrayInputStream(TestData.bytes(20_000, i)));
            }
            InputStream onVol2 = tier.read("o3");
            CompletableFuture<Void> asked = new CompletableFuture<>();
            Future<byte[]> onVol1 = pool.submit(() -> {
                asked.complete(null);
                return TestData.readAll(tier.read("o0"));
            });
            asked.get(30, TimeUnit.SECONDS);
            assertEquals("vol-000002", tier.mountedVolume().orElseThrow(), "no remount under an open read");
            assertArrayEquals(TestData.bytes(20_000, 3), TestData.readAll(onVol2)); // closes: frees the drive
            assertArrayEquals(TestData.bytes(20_000, 0), onVol1.get(30, TimeUnit.SECONDS));
            assertEquals("vol-000001", tier.mountedVolume().orElseThrow());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void leaseHeldByTheSameThreadTimesOutInsteadOfHanging() throws Exception {
        try (TarStorageProvider tier = TarStorageProvider.open(TarTierConfig.builder(library).volumeCapacity(64 * 1024)
                .driveWaitTimeout(Duration.ofMillis(200)).build())) {
            DigestingStorage s = new DigestingStorage(tier);
            for (int i = 0; i < 4; i++) {
                s.store("o" + i, new ByteArrayInputStream(new byte[20_000]));
            }
            try (InputStream held = tier.read("o3")) {
                IOException e = assertThrows(IOException.class, () -> tier.read("o0"));
                assertTrue(e.getMessage().contains("Drive busy"), e.getMessage());
            }
            assertEquals(20_000, TestData.readAll(tier.read("o0")).length);
        }
    }
}
