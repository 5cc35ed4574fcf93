package org.strata.hsm.spi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.strata.hsm.TestData;
import org.strata.hsm.digest.DigestingStorage;
import org.strata.hsm.file.FileStorageProvider;
import org.strata.hsm.file.RootState;

class StorageProvidersTest {

    @TempDir
    Path dir;

    @Test
    void everySchemeIsFoundThroughServiceLoader() {
        assertEquals(List.of("file", "s3", "tar"), List.copyOf(StorageProviders.factories().keySet()));
    }

    @Test
    void fileTierOpensFromUriAndSettings() throws Exception {
        Path a = Files.createDirectory(dir.resolve("a"));
        Path b = Files.createDirectory(dir.resolve("b"));
        Path c = Files.createDirectory(dir.resolve("c"));
        try (StorageProvider p = StorageProviders.open(a.toUri(), TierConfig.of(Map.of(
                "roots", b + ", " + c, "readOnly", a.toString(), "retired", b.toString(), "policy", "fill_in_order")))) {
            FileStorageProvider f = (FileStorageProvider) p;
            assertEquals(RootState.READ_ONLY, f.state(a));
            assertEquals(RootState.RETIRED, f.state(b));
            assertEquals(RootState.READ_WRITE, f.state(c));
            new DigestingStorage(p).store("x", new ByteArrayInputStream(new byte[] {5}));
            assertEquals(c, f.rootOf("x").orElseThrow());
            assertArrayEquals(new byte[] {5}, TestData.readAll(p.read("x")));
            f.setState(c, RootState.READ_ONLY);
            assertThrows(AccessDeniedException.class, () -> p.delete("x"));
        }
    }

    @Test
    void unknownSchemeAndMissingSettingsAreExplained() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StorageProviders.open(URI.create("ftp://host/x"), TierConfig.empty()));
        assertTrue(e.getMessage().contains("ftp") && e.getMessage().contains("[file, s3, tar]"), e.getMessage());
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> StorageProviders.open(URI.create("s3://bucket/"), TierConfig.empty()));
        assertTrue(missing.getMessage().contains("accessKeyId"), missing.getMessage());
    }

    @Test
    void secretsAreMaskedWhenConfigIsPrinted() throws IOException {
        String s = TierConfig.of(Map.of("secretAccessKey", "hunter2", "region", "eu-west-1")).toString();
        assertTrue(s.contains("***") && s.contains("eu-west-1") && !s.contains("hunter2"), s);
    }
}
