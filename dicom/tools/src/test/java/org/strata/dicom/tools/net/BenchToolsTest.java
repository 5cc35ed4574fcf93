package org.strata.dicom.tools.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.strata.dicom.core.Tag;
import org.strata.dicom.core.io.DicomFile;
import org.strata.dicom.core.io.Part10Reader;

/**
 * Smoke test of the benchmark tools (no timing asserted): make-corpus writes valid CT instances, and
 * bench-store sends them into our storescp and reports what it sent.
 */
class BenchToolsTest {

    @TempDir
    Path tmp;

    @Test
    void makeCorpusWritesValidCtInstances() throws Exception {
        Path corpus = tmp.resolve("corpus");
        Peers.Result r = Peers.strata("make-corpus", corpus.toString(), "--patients", "2", "--studies-per-patient",
                "1", "--series-per-study", "2", "--instances-per-series", "2", "--rows", "64", "--cols", "48");
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.out().contains("wrote 8 files"), r.toString());
        List<Path> files = list(corpus);
        assertEquals(8, files.size());
        DicomFile f = Part10Reader.read(files.get(0));
        assertEquals(64, f.dataset().getInt(Tag.Rows, 0));
        assertEquals(48, f.dataset().getInt(Tag.Columns, 0));
        assertEquals(64 * 48 * 2, f.dataset().getBytes(Tag.PixelData).length);
        assertEquals("ISO_IR 192", f.dataset().getString(Tag.SpecificCharacterSet));
        assertEquals(8, files.stream().map(p -> uid(p)).distinct().count(), "unique SOP Instance UIDs");
        Path log = tmp.resolve("dciodvfy.log");
        Peers.run(log, "dciodvfy", files.get(0).toString());
        String report = Files.readString(log);
        assertTrue(report.contains("CTImage"), report);
        assertFalse(report.contains("Error"), report);
    }

    @Test
    void benchStoreSendsCorpusIntoOurStorescp() throws Exception {
        Path corpus = tmp.resolve("corpus");
        assertEquals(0, Peers.strata("make-corpus", corpus.toString(), "--patients", "1", "--studies-per-patient",
                "1", "--series-per-study", "1", "--instances-per-series", "3", "--rows", "32", "--cols", "32")
                .exitCode());
        int port = Peers.freePort();
        Path in = tmp.resolve("in");
        Thread scp = new Thread(() -> Peers.strata("storescp", "-b", "BENCHSCP", "--host", "127.0.0.1", "--port",
                String.valueOf(port), "-o", in.toString()));
        scp.start();
        try {
            Peers.awaitPort(port, scp::isAlive);
            Peers.Result r = Peers.strata("bench-store", "-c", "BENCHSCP@127.0.0.1:" + port, "--parallel", "2",
                    "--warmup", "1", corpus.toString());
            assertEquals(0, r.exitCode(), r.toString());
            long bytes = 0;
            for (Path p : list(corpus)) {
                bytes += Files.size(p);
            }
            assertTrue(r.out().matches("(?s)bench-store: 3 files, " + String.format("%.1f", bytes / 1e6)
                    + " MB, [0-9.]+ s, [0-9.]+ inst/s, [0-9.]+ MB/s, [0-9.]+ ms CPU/inst, 0 failed\\R"), r.toString());
            assertEquals(3, Peers.countFiles(in));
            Peers.Result refused = Peers.strata("bench-store", "-c", "BENCHSCP@127.0.0.1:" + Peers.freePort(),
                    "--timeout", "2", corpus.toString());
            assertNotEquals(0, refused.exitCode(), refused.toString());
        } finally {
            scp.interrupt();
            scp.join(10_000);
        }
    }

    private static List<Path> list(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }

    private static String uid(Path p) {
        try {
            return Part10Reader.read(p).dataset().getString(Tag.SOPInstanceUID);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
