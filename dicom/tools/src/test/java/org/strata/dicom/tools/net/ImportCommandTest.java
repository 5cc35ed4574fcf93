package org.strata.dicom.tools.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The File-Set Reader import ({@code import -c AET@HOST:PORT PATH}) into DCMTK's storescp: file-sets
 * made by DCMTK's dcmmkdir (as a folder, a ZIP and an ISO made by xorriso) and pydicom's
 * dicomdirtests; a missing file, a DICOMDIR whose offset points nowhere, a zip slip and a file that
 * is no ISO give per-file errors and the rest is imported.
 */
class ImportCommandTest {

    @TempDir
    Path tmp;
    Path received;
    Process scp;
    String called;

    @BeforeEach
    void startStorescp() throws Exception {
        int port = Peers.freePort();
        received = Files.createDirectories(tmp.resolve("received"));
        scp = Peers.start(tmp.resolve("storescp.log"), port, "storescp", "+xa", "-aet", "STORESCP", "-od",
                received.toString(), String.valueOf(port));
        called = "STORESCP@127.0.0.1:" + port;
    }

    @AfterEach
    void stop() throws Exception {
        Peers.stop(scp);
    }

    /** CT_small and MR_small under DCMTK-made File IDs, with dcmmkdir's DICOMDIR. */
    private Path dcmmkdirSet() throws Exception {
        Path set = Files.createDirectories(tmp.resolve("set"));
        Files.copy(Peers.TEST_FILES.resolve("CT_small.dcm"), set.resolve("IMG1"));
        Files.copy(Peers.TEST_FILES.resolve("MR_small.dcm"), set.resolve("IMG2"));
        assertEquals(0, Peers.run(tmp.resolve("dcmmkdir.log"), "dcmmkdir", "+id", set.toString(), "+D",
                set.resolve("DICOMDIR").toString(), "IMG1", "IMG2"), Files.readString(tmp.resolve("dcmmkdir.log")));
        return set;
    }

    @Test
    void aDcmmkdirFileSetIsImportedFromItsFolderItsDicomdirAndAsAnIso() throws Exception {
        Path set = dcmmkdirSet();
        Peers.Result folder = Peers.strata("import", "-c", called, set.toString());
        assertEquals(0, folder.exitCode(), folder.toString());
        assertTrue(folder.out().contains("imported 2, duplicate 0, failed 0 (from DICOMDIR)"), folder.toString());
        assertEquals(2, Peers.countFiles(received));

        Peers.Result dicomdir = Peers.strata("import", "-c", called, set.resolve("DICOMDIR").toString());
        assertTrue(dicomdir.out().contains("imported 2, duplicate 0, failed 0"), dicomdir.toString());

        Path iso = tmp.resolve("set.iso");
        assertEquals(0, Peers.run(tmp.resolve("xorriso.log"), "xorriso", "-as", "mkisofs", "-iso-level", "1", "-V",
                "SET", "-o", iso.toString(), set.toString()));
        Peers.Result fromIso = Peers.strata("import", "-c", called, iso.toString());
        assertEquals(0, fromIso.exitCode(), fromIso.toString());
        assertTrue(fromIso.out().contains("imported 2, duplicate 0, failed 0 (from DICOMDIR)"), fromIso.toString());
    }

    @Test
    void pydicomsDicomdirTestsAreImportedCompletely() throws Exception {
        Path dicomdir = Peers.TEST_FILES.resolve("dicomdirtests/DICOMDIR");
        Process count = new ProcessBuilder("/usr/bin/python3", "-c", "import sys,warnings;warnings.simplefilter('ignore');"
                + "from pydicom import dcmread;from pydicom.fileset import FileSet;"
                + "print(len(list(FileSet(dcmread(sys.argv[1])))))", dicomdir.toString()).start();
        int expected = Integer.parseInt(new String(count.getInputStream().readAllBytes()).strip());
        assertTrue(expected > 10, "pydicom counts " + expected);
        Peers.Result r = Peers.strata("import", "-c", called, dicomdir.toString());
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.out().contains("imported " + expected + ", duplicate 0, failed 0"), r.toString());
        assertEquals(expected, Peers.countFiles(received));
    }

    @Test
    void aMissingFileIsReportedAndTheRestImported() throws Exception {
        Path set = dcmmkdirSet();
        Files.delete(set.resolve("IMG2"));
        Peers.Result r = Peers.strata("import", "-c", called, set.toString());
        assertEquals(1, r.exitCode(), r.toString());
        assertTrue(r.err().contains("IMG2: referenced by the DICOMDIR but missing"), r.toString());
        assertTrue(r.out().contains("imported 1, duplicate 0, failed 1"), r.toString());
    }

    @Test
    void aDicomdirWhoseOffsetPointsNowhereFallsBackToTheFolder() throws Exception {
        Path set = dcmmkdirSet();
        byte[] dir = Files.readAllBytes(set.resolve("DICOMDIR"));
        // (0004,1200) UL Offset of the First Directory Record of the Root Directory Entity
        byte[] tag = {0x04, 0x00, 0x00, 0x12, 'U', 'L', 0x04, 0x00};
        int at = indexOf(dir, tag);
        assertTrue(at > 0);
        ByteBuffer.wrap(dir, at + 8, 4).order(ByteOrder.LITTLE_ENDIAN).putInt(0x7FFFFFF0);
        Files.write(set.resolve("DICOMDIR"), dir);
        Peers.Result r = Peers.strata("import", "-c", called, set.toString());
        assertEquals(1, r.exitCode(), r.toString());
        assertTrue(r.err().contains("DICOMDIR: unreadable DICOMDIR"), r.toString());
        assertTrue(r.out().contains("imported 2, duplicate 0, failed 1 (folder walked)"), r.toString());
    }

    @Test
    void aZipSlipEntryIsRefusedAndNothingIsWrittenOutsideTheTarget() throws Exception {
        Path set = dcmmkdirSet();
        Path zip = tmp.resolve("media.zip");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (String name : new String[] {"DICOMDIR", "IMG1", "IMG2"}) {
                z.putNextEntry(new ZipEntry(name));
                Files.copy(set.resolve(name), z);
                z.closeEntry();
            }
            z.putNextEntry(new ZipEntry("../../../../../../../../tmp/strata-zip-slip-" + tmp.getFileName()));
            z.write("escaped".getBytes());
            z.closeEntry();
        }
        Peers.Result r = Peers.strata("import", "-c", called, zip.toString());
        assertEquals(1, r.exitCode(), r.toString());
        assertTrue(r.err().contains("refused, the path leaves the target folder (zip slip)"), r.toString());
        assertTrue(r.out().contains("imported 2, duplicate 0, failed 1 (from DICOMDIR)"), r.toString());
        assertFalse(Files.exists(Path.of("/tmp/strata-zip-slip-" + tmp.getFileName())));
    }

    @Test
    void aZipBombEntryStopsAtTheRatioLimit() throws Exception {
        Path zip = tmp.resolve("bomb.zip");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
            z.putNextEntry(new ZipEntry("ZEROS"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 64; i++) {
                z.write(zeros);
            }
            z.closeEntry();
        }
        Peers.Result r = Peers.strata("import", "-c", called, zip.toString());
        assertEquals(1, r.exitCode(), r.toString());
        assertTrue(r.err().contains("ZEROS: refused, expands beyond"), r.toString());
    }

    @Test
    void aFileThatIsNoIsoIsRefused() throws Exception {
        Path fake = tmp.resolve("fake.iso");
        try (OutputStream out = Files.newOutputStream(fake)) {
            out.write(new byte[40000]);
        }
        Peers.Result r = Peers.strata("import", "-c", called, fake.toString());
        assertEquals(1, r.exitCode(), r.toString());
        assertTrue(r.err().contains("is not a folder, DICOMDIR, ISO 9660 image, ZIP or TAR volume"), r.toString());
    }

    private static int indexOf(byte[] data, byte[] pattern) {
        outer:
        for (int i = 0; i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
