package org.strata.dicom.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** dcm4chee 2.x TAR volumes written by GNU tar: MD5SUM verified per file, names kept inside the target. */
class TarVolumeTest {

    @TempDir
    Path dir;

    @Test
    void everyFileIsCheckedAgainstTheMd5SumAndAMismatchIsNotKept() throws Exception {
        Path src = Files.createDirectories(dir.resolve("src/2026/1/SERIES"));
        Files.writeString(src.resolve("A"), "first file");
        Files.writeString(src.resolve("B"), "second file");
        Files.writeString(src.resolve("C"), "not listed");
        Files.writeString(dir.resolve("src/MD5SUM"), md5("first file") + " 2026/1/SERIES/A\n"
                + md5("tampered") + "  2026/1/SERIES/B\n" + md5("gone") + " 2026/1/SERIES/D\n");
        Path tar = tar("vol.tar", "MD5SUM", "2026/1/SERIES/A", "2026/1/SERIES/B", "2026/1/SERIES/C");
        assertTrue(TarVolume.isTar(tar));
        Path out = dir.resolve("out");
        List<String> errors = TarVolume.extract(tar, out, 1 << 20);
        assertEquals("first file", Files.readString(out.resolve("2026/1/SERIES/A")));
        assertFalse(Files.exists(out.resolve("2026/1/SERIES/B")), "checksum mismatch removed");
        assertFalse(Files.exists(out.resolve("2026/1/SERIES/C")), "unlisted removed");
        assertEquals(3, errors.size(), errors.toString());
        assertTrue(errors.get(0).startsWith("2026/1/SERIES/B: MD5 "), errors.toString());
        assertTrue(errors.get(1).startsWith("2026/1/SERIES/C: not listed"), errors.toString());
        assertTrue(errors.get(2).startsWith("2026/1/SERIES/D: listed in MD5SUM but not in the tar"), errors.toString());
    }

    @Test
    void aNameLeavingTheTargetIsRefusedAndLongNamesAreRead() throws Exception {
        Path src = Files.createDirectories(dir.resolve("src"));
        String longName = "L".repeat(120);
        Files.writeString(src.resolve(longName), "long");
        Files.writeString(dir.resolve("escape"), "outside");
        Files.writeString(src.resolve("MD5SUM"), md5("long") + " " + longName + "\n" + md5("outside") + " ../escape\n");
        Path tar = tar("evil.tar", "MD5SUM", longName, "../escape");
        Path out = dir.resolve("deep/out");
        List<String> errors = TarVolume.extract(tar, out, 1 << 20);
        assertEquals("long", Files.readString(out.resolve(longName)));
        assertFalse(Files.exists(dir.resolve("deep/escape")));
        assertTrue(errors.stream().anyMatch(e -> e.startsWith("../escape: refused, the path leaves the target")),
                errors.toString());
    }

    @Test
    void notATarIsNotTakenForOne() throws Exception {
        assertFalse(TarVolume.isTar(Files.writeString(dir.resolve("x.txt"), "x".repeat(600))));
    }

    private Path tar(String name, String... entries) throws Exception {
        Path tar = dir.resolve(name);
        List<String> cmd = new ArrayList<>(List.of("tar", "-P", "-cf", tar.toString(), "-C", dir.resolve("src").toString()));
        cmd.addAll(List.of(entries));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        return tar;
    }

    private static String md5(String s) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
    }
}
