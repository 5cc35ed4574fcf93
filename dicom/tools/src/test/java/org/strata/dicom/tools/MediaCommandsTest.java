package org.strata.dicom.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** mkdicomdir and lsdicomdir through {@link Main}, on pydicom's test files (Debian python3-pydicom). */
class MediaCommandsTest {

    private static final Path FILES = Path.of("/usr/lib/python3/dist-packages/pydicom/data/test_files");

    private record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void mkdicomdirThenLsdicomdir(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("cd");
        Run mk = run("mkdicomdir", "--profile", "STD-GEN-CD", "--fileset-id", "DEMO", out.toString(),
                FILES.resolve("CT_small.dcm").toString(), FILES.resolve("rtplan.dcm").toString());
        assertEquals(0, mk.exit(), mk.err());
        assertTrue(Files.isRegularFile(out.resolve("DICOMDIR")));
        assertTrue(mk.out().contains("DICOM/PAT00001/STU00001/SER00001/IMG00001 <- "), mk.out());

        Run ls = run("lsdicomdir", out.resolve("DICOMDIR").toString());
        assertEquals(0, ls.exit(), ls.err());
        List<String> lines = ls.out().lines().toList();
        assertEquals("File-set ID: DEMO", lines.get(0));
        assertTrue(lines.get(1).startsWith("PATIENT PatientName=CompressedSamples^CT1 PatientID=1CT1"), lines.get(1));
        assertTrue(lines.get(2).startsWith("  STUDY "), lines.get(2));
        assertTrue(lines.get(3).startsWith("    SERIES Modality=CT"), lines.get(3));
        assertTrue(lines.get(4).matches("      IMAGE InstanceNumber=1 -> DICOM/PAT00001/STU00001/SER00001/IMG00001"),
                lines.get(4));
        assertTrue(ls.out().contains("      RT PLAN "), ls.out());

        Files.delete(out.resolve("DICOM/PAT00001/STU00001/SER00001/IMG00001"));
        Run missing = run("lsdicomdir", out.resolve("DICOMDIR").toString());
        assertEquals(1, missing.exit());
        assertTrue(missing.out().contains("IMG00001 [missing]"), missing.out());
    }

    @Test
    void mkdicomdirScansFoldersAndRefusesImplicitWithoutReencoding(@TempDir Path tmp) throws Exception {
        Run refused = run("mkdicomdir", "--no-reencode", tmp.resolve("a").toString(), FILES.resolve("rtdose.dcm").toString());
        assertEquals(1, refused.exit());
        assertTrue(refused.err().contains("not allowed by STD-GEN-CD"), refused.err());

        Path src = tmp.resolve("src");
        Files.createDirectories(src.resolve("sub"));
        Files.copy(FILES.resolve("MR_small.dcm"), src.resolve("sub/mr"));
        Files.writeString(src.resolve("readme.txt"), "not DICOM");
        Run mk = run("mkdicomdir", tmp.resolve("b").toString(), src.toString());
        assertEquals(0, mk.exit(), mk.err());
        assertTrue(mk.out().contains("1 instances"), mk.out());
    }

    @Test
    void capacitySplitsIntoPieces(@TempDir Path tmp) throws Exception {
        Run mk = run("mkdicomdir", "--fileset-id", "CAP", "--capacity", "10K", tmp.resolve("p").toString(),
                FILES.resolve("CT_small.dcm").toString(), FILES.resolve("MR_small.dcm").toString());
        assertEquals(1, mk.exit(), "CT_small.dcm alone is larger than 10 KiB");
        assertTrue(mk.err().contains("more than one piece holds"), mk.err());

        Run ok = run("mkdicomdir", "--fileset-id", "CAP", "--capacity", "50K", tmp.resolve("q").toString(),
                FILES.resolve("CT_small.dcm").toString(), FILES.resolve("MR_small.dcm").toString());
        assertEquals(0, ok.exit(), ok.err());
        assertTrue(Files.isRegularFile(tmp.resolve("q/PIECE001/DICOMDIR")));
        assertTrue(Files.isRegularFile(tmp.resolve("q/PIECE002/DICOMDIR")));
        assertEquals(1000L << 10, MkDicomDirCommand.parseSize("1000k"));
    }
}
