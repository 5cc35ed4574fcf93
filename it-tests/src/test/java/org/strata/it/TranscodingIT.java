package org.strata.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compress on arrival (setting {@code store.compress.<calling AE>}) and lossy transcoding on
 * retrieve only for destinations allowed it (setting {@code retrieve.allow-lossy.<AE>}), against the
 * deployed archive with DCMTK's storescu, movescu, getscu, storescp and decoders.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TranscodingIT {

    static final String JPEG_LS_LOSSLESS = "1.2.840.10008.1.2.4.80";
    static final String JPEG_BASELINE = "1.2.840.10008.1.2.4.50";
    static final String EXPLICIT_VR_LE = "1.2.840.10008.1.2.1";

    static final List<Process> peers = new ArrayList<>();
    static Path work;
    static Http admin;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.strataEar();
    }

    /** storescp profiles that accept CT Image Storage in one transfer syntax only. */
    static final String STORESCP_CONFIG = """
            [[TransferSyntaxes]]
            [ExplicitLE]
            TransferSyntax1 = LittleEndianExplicit
            [Baseline]
            TransferSyntax1 = JPEGBaseline
            [[PresentationContexts]]
            [ExplicitLEOnly]
            PresentationContext1 = VerificationSOPClass\\ExplicitLE
            PresentationContext2 = CTImageStorage\\ExplicitLE
            [BaselineOnly]
            PresentationContext1 = VerificationSOPClass\\ExplicitLE
            PresentationContext2 = CTImageStorage\\Baseline
            [[Profiles]]
            [ExplicitLEOnly]
            PresentationContexts = ExplicitLEOnly
            [BaselineOnly]
            PresentationContexts = BaselineOnly
            """;

    @BeforeAll
    static void startTheDestinations() throws Exception {
        work = Files.createTempDirectory("transcoding-it");
        Files.writeString(work.resolve("storescp.cfg"), STORESCP_CONFIG);
        admin = Http.admin(Deployments.httpPort(), Deployments.adminPassword());
        destination("JLSSCP", "+xt");
        destination("ELESCP", "-xf", work.resolve("storescp.cfg").toString(), "ExplicitLEOnly");
        destination("JPEGSCP", "-xf", work.resolve("storescp.cfg").toString(), "BaselineOnly");
        assertEquals(200, admin.putJson("/strata/api/settings/store.compress.INGESTJLS",
                "{\"value\":\"JPEGLSLossless\"}").statusCode());
    }

    /** A DCMTK storescp as AE {@code aet}, registered in the archive's AE table, receiving under work/aet. */
    private static void destination(String aet, String... options) throws Exception {
        Path into = Files.createDirectories(work.resolve(aet));
        int port = StrataProcess.freePort();
        List<String> cmd = new ArrayList<>(List.of("storescp", "-aet", aet, "-od", into.toString()));
        cmd.addAll(List.of(options));
        cmd.add(String.valueOf(port));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(work.resolve(aet + ".log").toFile());
        pb.environment().put("TCP_NODELAY", "1");
        Process storescp = pb.start();
        peers.add(storescp);
        assertEquals(201, admin.putJson("/strata/api/aes/" + aet,
                "{\"host\":\"127.0.0.1\",\"port\":" + port + "}").statusCode());
        StrataProcess.awaitListening(port, storescp); // its profile may refuse a plain C-ECHO
    }

    @AfterAll
    static void stopTheDestinations() throws Exception {
        for (Process p : peers) {
            p.destroy();
            p.waitFor(10, TimeUnit.SECONDS);
        }
        for (String aet : List.of("JLSSCP", "ELESCP", "JPEGSCP")) {
            admin.delete("/strata/api/aes/" + aet);
        }
        admin.putJson("/strata/api/settings/store.compress.INGESTJLS", "{\"value\":\"\"}");
    }

    @Test
    void aStudyFromAnAeConfiguredForJpegLsIsStoredAsJpegLsAndComesBackWithTheOriginalPixels(@TempDir Path tmp)
            throws Exception {
        Path originals = tmp.resolve("originals");
        String study = python("make_instances.py", originals.toString(), "2").strip();
        List<Path> sent = files(originals);
        Dcmtk.Result stored = Dcmtk.run("storescu", "-aet", "INGESTJLS", "-aec", "STRATA", "+sd", "127.0.0.1",
                port(), originals.toString());
        assertEquals(0, stored.exitCode(), stored.output());

        // a destination that accepts JPEG-LS besides uncompressed gets what is stored: JPEG-LS
        Dcmtk.Result moved = move("JLSSCP", study);
        assertTrue(moved.output().contains("Received Final Move Response (Success)"), moved.output());
        for (Path original : sent) {
            Path arrived = arrived(work.resolve("JLSSCP"), original);
            assertEquals(JPEG_LS_LOSSLESS, transferSyntax(arrived), "stored compressed on arrival");
            Path decoded = tmp.resolve("dcmdjpls-" + original.getFileName());
            assertEquals(0, Dcmtk.run("dcmdjpls", arrived.toString(), decoded.toString()).exitCode());
            assertSamePixels(original, decoded);
        }

        // getscu accepting JPEG-LS likewise
        Path got = Files.createDirectories(tmp.resolve("getscu"));
        Dcmtk.Result get = Dcmtk.run("getscu", "-S", "-aec", "STRATA", "+xt", "-od", got.toString(), "127.0.0.1",
                port(), "-k", "QueryRetrieveLevel=STUDY", "-k", "StudyInstanceUID=" + study);
        assertTrue(get.output().contains("Received C-GET Response (Success)") || get.exitCode() == 0, get.output());
        for (Path original : sent) {
            Path arrived = arrived(got, original);
            assertEquals(JPEG_LS_LOSSLESS, transferSyntax(arrived));
            Path decoded = tmp.resolve("get-dcmdjpls-" + original.getFileName());
            assertEquals(0, Dcmtk.run("dcmdjpls", arrived.toString(), decoded.toString()).exitCode());
            assertSamePixels(original, decoded);
        }

        // a destination that accepts Explicit VR Little Endian only gets the original samples back
        Dcmtk.Result decompressed = move("ELESCP", study);
        assertTrue(decompressed.output().contains("Received Final Move Response (Success)"), decompressed.output());
        for (Path original : sent) {
            Path arrived = arrived(work.resolve("ELESCP"), original);
            assertEquals(EXPLICIT_VR_LE, transferSyntax(arrived));
            assertSamePixels(original, arrived);
        }
    }

    @Test
    void aJpegBaselineOnlyDestinationGetsNothingLossyUntilAllowedThenJpegBaselineAbove40Db(@TempDir Path tmp)
            throws Exception {
        Path original = tmp.resolve("8bit.dcm");
        String uid = python("make_8bit_instance.py", original.toString()).strip();
        Dcmtk.Result stored = Dcmtk.run("storescu", "-aet", "LOSSYSRC", "-aec", "STRATA", "127.0.0.1", port(),
                original.toString());
        assertEquals(0, stored.exitCode(), stored.output());
        Path into = work.resolve("JPEGSCP");

        Dcmtk.Result refused = moveImage("JPEGSCP", uid);
        assertFalse(refused.output().contains(MOVE_SUCCESS), refused.output());
        assertTrue(refused.output().contains("no accepted transfer syntax reachable without loss"), refused.output());
        assertEquals(List.of(), files(into), "nothing lossy sent");

        assertEquals(200, admin.putJson("/strata/api/settings/retrieve.allow-lossy.JPEGSCP",
                "{\"value\":\"true\"}").statusCode());
        try {
            Dcmtk.Result moved = moveImage("JPEGSCP", uid);
            assertTrue(moved.output().contains(MOVE_SUCCESS), moved.output());
            Path arrived = arrived(into, uid);
            assertEquals(JPEG_BASELINE, transferSyntax(arrived));
            assertEquals(List.of("01"), Dcmtk.values(Dcmtk.run("dcmdump", "+P", "0028,2110", arrived.toString())
                    .output(), "0028,2110"));
            Path decoded = tmp.resolve("dcmdjpeg.dcm");
            assertEquals(0, Dcmtk.run("dcmdjpeg", arrived.toString(), decoded.toString()).exitCode());
            Process psnr = new ProcessBuilder("/usr/bin/python3", "src/test/python/psnr.py", original.toString(),
                    decoded.toString(), "40").redirectErrorStream(true).start();
            String out = new String(psnr.getInputStream().readAllBytes());
            assertEquals(0, psnr.waitFor(), out);
            assertFalse(out.contains("inf"), "lossy: " + out);
        } finally {
            admin.putJson("/strata/api/settings/retrieve.allow-lossy.JPEGSCP", "{\"value\":\"false\"}");
        }
    }

    private static Dcmtk.Result move(String destination, String study) throws Exception {
        return Dcmtk.run("movescu", "-v", "-S", "-aec", "STRATA", "-aem", destination, "127.0.0.1", port(),
                "-k", "QueryRetrieveLevel=STUDY", "-k", "StudyInstanceUID=" + study);
    }

    /** How movescu -d prints a final status 0000 (-d, unlike -v, also prints the Error Comment). */
    static final String MOVE_SUCCESS = "0x0000: Success";

    private static Dcmtk.Result moveImage(String destination, String sopInstanceUid) throws Exception {
        return Dcmtk.run("movescu", "-d", "-S", "-aec", "STRATA", "-aem", destination, "127.0.0.1", port(),
                "-k", "QueryRetrieveLevel=IMAGE", "-k", "SOPInstanceUID=" + sopInstanceUid);
    }

    private static String python(String script, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("/usr/bin/python3", "src/test/python/" + script));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), new String(p.getErrorStream().readAllBytes()));
        return out;
    }

    private static String port() {
        return System.getProperty("it.dicom.port");
    }

    private static String transferSyntax(Path file) throws Exception {
        List<String> ts = Dcmtk.values(Dcmtk.run("dcmdump", "-Un", "+P", "0002,0010", file.toString()).output(),
                "0002,0010");
        assertEquals(1, ts.size(), "Transfer Syntax UID of " + file + ": " + ts);
        return ts.get(0);
    }

    /** The file storescp wrote for the instance of {@code original} (named after its SOP Instance UID). */
    private static Path arrived(Path dir, Path original) throws IOException {
        return arrived(dir, original.getFileName().toString().replace(".dcm", ""));
    }

    /** The file storescp wrote for SOP Instance UID {@code uid}. */
    private static Path arrived(Path dir, String uid) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> match = s.filter(p -> p.getFileName().toString().endsWith(uid)).toList();
            assertEquals(1, match.size(), "received for " + uid + " in " + dir + ": " + files(dir));
            return match.get(0);
        }
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private static void assertSamePixels(Path reference, Path candidate) throws Exception {
        Process p = new ProcessBuilder("/usr/bin/python3", "src/test/python/same_pixels.py", reference.toString(),
                candidate.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), candidate + ": " + out);
    }
}
