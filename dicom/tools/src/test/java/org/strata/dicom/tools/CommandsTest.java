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
import org.strata.dicom.core.Attributes;
import org.strata.dicom.core.BulkData;
import org.strata.dicom.core.Tag;
import org.strata.dicom.core.json.DicomJsonReader;

/** The dump, json and xml commands through {@link Main}, on pydicom's test files (Debian python3-pydicom). */
class CommandsTest {

    private static final Path CT = Path.of("/usr/lib/python3/dist-packages/pydicom/data/test_files/CT_small.dcm");

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
    void dumpPrintsDcmdumpStyleLines() {
        Run r = run("dump", CT.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("(0010,0010) PN [CompressedSamples^CT1]"), r.out());
        assertTrue(r.out().contains("# 22, 1 PatientName") || r.out().matches("(?s).*#\\s+22, 1 PatientName.*"));
    }

    @Test
    void jsonLeavesBulkDataAsUri() {
        Run r = run("json", CT.toString());
        assertEquals(0, r.exit(), r.err());
        Attributes ds = DicomJsonReader.read(r.out().trim());
        assertEquals("CompressedSamples^CT1", ds.getString(Tag.PatientName));
        BulkData pixels = (BulkData) ds.getValue(Tag.PixelData);
        assertEquals(CT, pixels.file());
        assertEquals(128 * 128 * 2, pixels.length());
    }

    @Test
    void xmlIsNativeDicomModel() {
        Run r = run("xml", CT.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("<NativeDicomModel"), r.out());
        assertTrue(r.out().contains("<FamilyName>CompressedSamples</FamilyName>"), r.out());
        assertTrue(r.out().contains("<BulkData uri=\"file:"), r.out());
    }

    @Test
    void unparsableFileGivesOneLineAndNonZeroExit(@TempDir Path dir) throws Exception {
        Path junk = dir.resolve("junk.dcm");
        Files.writeString(junk, "this is not DICOM at all, just text");
        for (String cmd : List.of("dump", "json", "xml")) {
            Run r = run(cmd, junk.toString());
            assertEquals(1, r.exit(), cmd);
            assertEquals(1, r.err().lines().count(), cmd + ": " + r.err());
            assertTrue(r.err().startsWith(cmd + ": " + junk + ": not a DICOM file"), r.err());
        }
        Run missing = run("dump", dir.resolve("missing.dcm").toString());
        assertEquals(1, missing.exit());
        assertEquals(1, missing.err().lines().count(), missing.err());
    }
}
