package org.strata.hsm.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.strata.hsm.TestData;
import org.strata.hsm.digest.DigestingStorage;

/** A real crash: a child JVM halts between writing and committing. */
class FileCrashTest {

    @TempDir
    Path root;

    @Test
    void crashBetweenWriteAndCommitLeavesNoVisibleObject() throws Exception {
        Process p = new ProcessBuilder(TestData.javaCommand(CrashingWriter.class, root.toString(), "crashed", "200000"))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(137, p.exitValue());
        assertEquals("written", out.strip());

        // the bytes reached the disk under a temporary name ...
        List<Path> files;
        try (var s = Files.walk(root)) {
            files = s.filter(Files::isRegularFile).toList();
        }
        assertEquals(1, files.size());
        assertTrue(files.get(0).getFileName().toString().startsWith(".crashed."), files.toString());
        assertEquals(200_000, Files.size(files.get(0)));

        // ... but the restarted tier sees no object, and can store the id afresh
        FileStorageProvider tier = new FileStorageProvider(
                FileTierConfig.of(FreeSpacePolicy.MOST_FREE, FileRoot.readWrite(root)));
        assertFalse(tier.exists("crashed"));
        assertThrows(NoSuchFileException.class, () -> tier.read("crashed"));
        new DigestingStorage(tier).store("crashed", new ByteArrayInputStream(new byte[] {1, 2, 3}));
        assertEquals(3, TestData.readAll(tier.read("crashed")).length);

        // the leftover is purged once old enough; the committed object stays
        assertEquals(0, tier.purgeTemporaries(Instant.now().minusSeconds(3600)));
        assertEquals(1, tier.purgeTemporaries(Instant.now().plusSeconds(1)));
        assertFalse(Files.exists(files.get(0)));
        assertTrue(tier.exists("crashed"));
    }
}
