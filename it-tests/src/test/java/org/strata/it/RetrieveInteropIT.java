package org.strata.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * DCMTK's movescu (into DCMTK's storescp) and getscu against the deployed archive at study,
 * series and image level; what arrives is compared attribute by attribute with what was sent.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RetrieveInteropIT {

    /** CT_small.dcm's UIDs. */
    static final String STUDY = "1.3.6.1.4.1.5962.1.2.1.20040119072730.12322";
    static final String SERIES = "1.3.6.1.4.1.5962.1.3.1.1.20040119072730.12322";
    static final String IMAGE = "1.3.6.1.4.1.5962.1.1.1.1.1.20040119072730.12322";

    static Process storescp;
    static Path received;
    static int storescpPort;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.strataEar();
    }

    @BeforeAll
    static void storeAndStartTheDestination() throws Exception {
        Path ct = StorageInteropIT.PYDICOM_FILES.resolve("CT_small.dcm");
        Dcmtk.Result stored = Dcmtk.run("storescu", "-aec", "STRATA", "127.0.0.1", port(), ct.toString(),
                StorageInteropIT.PYDICOM_FILES.resolve("MR_small.dcm").toString());
        assertEquals(0, stored.exitCode(), stored.output());
        received = Files.createTempDirectory("storescp");
        storescpPort = StrataProcess.freePort();
        ProcessBuilder pb = new ProcessBuilder("storescp", "-aet", "STORESCP", "-od", received.toString(),
                String.valueOf(storescpPort)).redirectErrorStream(true).redirectOutput(received.resolveSibling(
                received.getFileName() + ".log").toFile());
        pb.environment().put("TCP_NODELAY", "1");
        storescp = pb.start();
        StrataProcess.awaitListening(storescpPort, storescp);
        Http admin = Http.admin(Deployments.httpPort(), Deployments.adminPassword());
        assertEquals(201, admin.putJson("/strata/api/aes/STORESCP",
                "{\"host\":\"127.0.0.1\",\"port\":" + storescpPort + "}").statusCode());
    }

    @AfterAll
    static void stopTheDestination() throws Exception {
        storescp.destroy();
        storescp.waitFor(10, TimeUnit.SECONDS);
        Http.admin(Deployments.httpPort(), Deployments.adminPassword()).delete("/strata/api/aes/STORESCP");
    }

    private static String port() {
        return System.getProperty("it.dicom.port");
    }

    @ParameterizedTest(name = "C-MOVE at {0} level")
    @CsvSource({"STUDY,StudyInstanceUID=" + STUDY, "SERIES,SeriesInstanceUID=" + SERIES, "IMAGE,SOPInstanceUID=" + IMAGE})
    void movescuDeliversTheInstanceToStorescp(String level, String key) throws Exception {
        clear(received);
        List<String> args = new java.util.ArrayList<>(List.of("-v", "-S", "-aec", "STRATA", "-aem", "STORESCP",
                "127.0.0.1", port(), "-k", "QueryRetrieveLevel=" + level, "-k", "StudyInstanceUID=" + STUDY));
        if (!level.equals("STUDY")) {
            args.addAll(List.of("-k", "SeriesInstanceUID=" + SERIES));
        }
        args.addAll(List.of("-k", key));
        Dcmtk.Result r = Dcmtk.run("movescu", args);
        assertEquals(0, r.exitCode(), r.output());
        assertTrue(r.output().contains("Received Final Move Response (Success)"), r.output());
        assertSameAsSent(onlyFile(received));
    }

    @ParameterizedTest(name = "C-GET at {0} level")
    @CsvSource({"STUDY,StudyInstanceUID=" + STUDY, "SERIES,SeriesInstanceUID=" + SERIES, "IMAGE,SOPInstanceUID=" + IMAGE})
    void getscuReceivesTheInstance(String level, String key, @TempDir Path into) throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of("-v", "-S", "-aec", "STRATA", "-od", into.toString(),
                "127.0.0.1", port(), "-k", "QueryRetrieveLevel=" + level, "-k", "StudyInstanceUID=" + STUDY));
        if (!level.equals("STUDY")) {
            args.addAll(List.of("-k", "SeriesInstanceUID=" + SERIES));
        }
        args.addAll(List.of("-k", key));
        Dcmtk.Result r = Dcmtk.run("getscu", args);
        assertEquals(0, r.exitCode(), r.output());
        assertTrue(r.output().contains("Received C-GET Response (Success)"), r.output());
        assertSameAsSent(onlyFile(into));
    }

    @Test
    void anRleInstanceMovedToAnUncompressedOnlyDestinationArrivesDecompressedAsDcmtkDecompressesIt(
            @TempDir Path work) throws Exception {
        // a new instance, compressed by DCMTK; storescp (default) accepts uncompressed syntaxes only
        Process gen = new ProcessBuilder("/usr/bin/python3", "src/test/python/make_instances.py",
                work.resolve("new").toString(), "1").start();
        assertEquals(0, gen.waitFor(), new String(gen.getErrorStream().readAllBytes()));
        Path original;
        try (Stream<Path> s = Files.list(work.resolve("new"))) {
            original = s.findFirst().orElseThrow();
        }
        String sopInstanceUid = original.getFileName().toString().replace(".dcm", "");
        Path rle = work.resolve("rle.dcm");
        Path reference = work.resolve("dcmdrle.dcm");
        assertEquals(0, Dcmtk.run("dcmcrle", original.toString(), rle.toString()).exitCode());
        assertEquals(0, Dcmtk.run("dcmdrle", rle.toString(), reference.toString()).exitCode());
        Dcmtk.Result stored = Dcmtk.run("storescu", "-xr", "-aec", "STRATA", "127.0.0.1", port(), rle.toString());
        assertEquals(0, stored.exitCode(), stored.output());

        clear(received);
        Dcmtk.Result r = Dcmtk.run("movescu", "-v", "-S", "-aec", "STRATA", "-aem", "STORESCP", "127.0.0.1", port(),
                "-k", "QueryRetrieveLevel=IMAGE", "-k", "SOPInstanceUID=" + sopInstanceUid);
        assertTrue(r.output().contains("Received Final Move Response (Success)"), r.output());
        Path arrived = onlyFile(received);
        Dcmtk.Result meta = Dcmtk.run("dcmdump", "-M", "+P", "0002,0010", arrived.toString());
        assertTrue(meta.output().contains("=LittleEndianExplicit") || meta.output().contains("=LittleEndianImplicit"),
                "arrived uncompressed: " + meta.output());
        assertSameAttributes(reference, arrived);
    }

    @Test
    void anUnknownMoveDestinationIsRefusedWithA801() throws Exception {
        Dcmtk.Result r = Dcmtk.run("movescu", "-S", "-aec", "STRATA", "-aem", "NOWHERE", "127.0.0.1", port(),
                "-k", "QueryRetrieveLevel=STUDY", "-k", "StudyInstanceUID=" + STUDY);
        assertTrue(r.output().contains("Refused: MoveDestinationUnknown"), r.output());
    }

    private static Path onlyFile(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> files = s.filter(Files::isRegularFile).toList();
            assertEquals(1, files.size(), "received: " + files);
            return files.get(0);
        }
    }

    private static void clear(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.toList()) {
                Files.delete(p);
            }
        }
    }

    /**
     * Every data set attribute of the received file equals CT_small.dcm's (dcmdump). Encoding
     * aside: the meta group, item/sequence delimiters and explicit vs undefined sequence lengths,
     * and Data Set Trailing Padding (FFFC,FFFC), which storescu drops before sending.
     */
    private static void assertSameAsSent(Path file) throws Exception {
        assertSameAttributes(StorageInteropIT.PYDICOM_FILES.resolve("CT_small.dcm"), file);
    }

    private static void assertSameAttributes(Path expectedFile, Path file) throws Exception {
        TreeMap<String, String> sent = dump(expectedFile);
        TreeMap<String, String> got = dump(file);
        assertFalse(sent.isEmpty());
        List<String> differences = new java.util.ArrayList<>();
        for (String tag : new java.util.TreeSet<>(java.util.Set.copyOf(
                Stream.concat(sent.keySet().stream(), got.keySet().stream()).toList()))) {
            String a = sent.get(tag);
            String b = got.get(tag);
            if (!java.util.Objects.equals(a, b)) {
                differences.add(tag + ": sent " + abbreviate(a) + " / received " + abbreviate(b));
            }
        }
        assertEquals(List.of(), differences, "attributes that differ in " + file);
    }

    private static String abbreviate(String s) {
        return s == null || s.length() < 120 ? s : s.substring(0, 120) + "...";
    }

    private static TreeMap<String, String> dump(Path file) throws Exception {
        Dcmtk.Result r = Dcmtk.run("dcmdump", "-q", "+L", "-dc", file.toString());
        TreeMap<String, String> attrs = new TreeMap<>();
        for (String line : r.output().split("\n")) {
            String t = line.strip();
            if (t.startsWith("(") && !t.startsWith("(0002,") && !t.startsWith("(fffe,") && !t.startsWith("(fffc,")) {
                int hash = t.lastIndexOf('#');
                String value = t.contains(" SQ (Sequence with ") ? t.substring(0, 14) : hash > 0 ? t.substring(0, hash).strip() : t;
                attrs.merge(t.substring(0, 11), value, (a, b) -> a + "|" + b);
            }
        }
        return attrs;
    }
}
