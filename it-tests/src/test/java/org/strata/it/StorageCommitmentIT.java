package org.strata.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Storage Commitment Push Model SCP (PS3.4 J) on the deployed EAR: our {@code stgcmt} tool on the
 * same association and on a new association (SCP role by role selection), failures with their
 * reasons, a corrupted file, and Orthanc as the requesting SCU.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class StorageCommitmentIT {

    static final String CT = "1.2.840.10008.5.1.4.1.1.2";

    private final Http admin = Http.admin(Deployments.httpPort(), Deployments.adminPassword());

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.strataEar();
    }

    /** New CT instances of a new study, stored in Strata with DCMTK storescu. */
    static List<Path> storedInstances(Path dir, int n) throws Exception {
        Process gen = new ProcessBuilder("/usr/bin/python3", "src/test/python/make_instances.py", dir.toString(),
                String.valueOf(n)).start();
        assertEquals(0, gen.waitFor(), new String(gen.getErrorStream().readAllBytes()));
        Dcmtk.Result stored = Dcmtk.run("storescu", "-aec", "STRATA", "127.0.0.1", System.getProperty("it.dicom.port"),
                "+sd", dir.toString());
        assertEquals(0, stored.exitCode(), stored.output());
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
        }
    }

    static String uidOf(Path file) {
        return file.getFileName().toString().replace(".dcm", "");
    }

    @Test
    void allStoredInstancesAreCommittedOnTheSameAssociation(@TempDir Path dir) throws Exception {
        storedInstances(dir, 3);
        DicomTools.Result r = DicomTools.run("stgcmt", "-c", DicomTools.strata(), "-b", "STGCMT-SAME", dir.toString());
        assertEquals(0, r.exitCode(), r.output());
        assertTrue(r.output().contains("N-ACTION") && r.output().contains("status 0x0000"), r.output());
        assertTrue(r.output().contains("N-EVENT-REPORT on same association"), r.output());
        assertTrue(r.output().contains("event type 1") && r.output().contains("3 committed, 0 failed"), r.output());
    }

    @Test
    void instancesNeverSentFailWith0112AndAWrongClassWith0119(@TempDir Path dir) throws Exception {
        List<Path> files = storedInstances(dir, 1);
        String never = "2.25.1" + System.nanoTime();
        DicomTools.Result r = DicomTools.run("stgcmt", "-c", DicomTools.strata(), "-b", "STGCMT-FAIL", dir.toString(),
                "--ref", CT + "=" + never, "--ref", "1.2.840.10008.5.1.4.1.1.4=" + uidOf(files.get(0)));
        assertEquals(1, r.exitCode(), r.output());
        assertTrue(r.output().contains("event type 2") && r.output().contains("1 committed, 2 failed"), r.output());
        assertTrue(r.output().contains("FAILED " + CT + " " + never + " reason 0112"), r.output());
        assertTrue(r.output().contains("FAILED 1.2.840.10008.5.1.4.1.1.4 " + uidOf(files.get(0)) + " reason 0119"),
                r.output());
    }

    @Test
    void aFileThatNoLongerMatchesItsDigestIsNotCommitted(@TempDir Path dir) throws Exception {
        List<Path> files = storedInstances(dir, 2);
        Path stored = storedFileOf(uidOf(files.get(1)));
        byte[] bytes = Files.readAllBytes(stored);
        bytes[bytes.length - 1] ^= 0x5A; // a flipped bit in the pixel data, as a failing disk would
        Files.write(stored, bytes);
        DicomTools.Result r = DicomTools.run("stgcmt", "-c", DicomTools.strata(), "-b", "STGCMT-DIGEST", dir.toString());
        assertEquals(1, r.exitCode(), r.output());
        assertTrue(r.output().contains("1 committed, 1 failed"), r.output());
        assertTrue(r.output().contains("FAILED " + CT + " " + uidOf(files.get(1)) + " reason 0110"), r.output());
    }

    @Test
    void theReportComesOnANewAssociationOnceTheRequesterHasReleased(@TempDir Path dir) throws Exception {
        storedInstances(dir, 2);
        int port = StrataProcess.freePort();
        assertEquals(201, admin.putJson("/strata/api/aes/STGCMT-NEW",
                "{\"host\":\"127.0.0.1\",\"port\":" + port + "}").statusCode());
        try {
            DicomTools.Result r = DicomTools.run("stgcmt", "-c", DicomTools.strata(), "-b", "STGCMT-NEW",
                    "--port", String.valueOf(port), dir.toString());
            assertEquals(0, r.exitCode(), r.output());
            assertTrue(r.output().contains("N-EVENT-REPORT on new association STRATA->STGCMT-NEW"), r.output());
            assertTrue(r.output().contains("2 committed, 0 failed"), r.output());
        } finally {
            admin.delete("/strata/api/aes/STGCMT-NEW");
        }
    }

    @Test
    void orthancAsTheScuGetsSuccessesAndFailures(@TempDir Path dir) throws Exception {
        List<Path> files = storedInstancesViaNothing(dir);
        try (OrthancPeer orthanc = OrthancPeer.start()) {
            assertEquals(201, admin.putJson("/strata/api/aes/ORTHANC",
                    "{\"host\":\"127.0.0.1\",\"port\":" + orthanc.dicomPort + "}").statusCode());
            // Orthanc sends the instance to Strata, then asks Strata to commit it and one never sent
            HttpResponse<String> uploaded = orthanc.upload(files.get(0));
            assertEquals(200, uploaded.statusCode(), uploaded.body());
            HttpResponse<String> sent = orthanc.post("/modalities/strata/store", Http.field(uploaded.body(), "ID"));
            assertEquals(200, sent.statusCode(), sent.body());
            String never = "2.25.2" + System.nanoTime();
            HttpResponse<String> requested = orthanc.post("/modalities/strata/storage-commitment",
                    "{\"DicomInstances\":[{\"SOPClassUID\":\"" + CT + "\",\"SOPInstanceUID\":\"" + uidOf(files.get(0))
                            + "\"},{\"SOPClassUID\":\"" + CT + "\",\"SOPInstanceUID\":\"" + never + "\"}]}");
            assertEquals(200, requested.statusCode(), requested.body());
            String path = Http.field(requested.body(), "Path");
            String report = "";
            long deadline = System.currentTimeMillis() + 60_000;
            while (System.currentTimeMillis() < deadline) {
                report = orthanc.get(path).body();
                if (!report.contains("\"Pending\"")) {
                    break;
                }
                Thread.sleep(250);
            }
            // Orthanc's report: successes, and failures with their Failure Reason (274 = 0x0112)
            String compact = report.replaceAll("\\s", "");
            assertTrue(compact.contains("\"Status\":\"Failure\""), report);
            String success = section(compact, "Success");
            String failures = section(compact, "Failures");
            assertTrue(success.contains("\"SOPInstanceUID\":\"" + uidOf(files.get(0)) + "\""), report);
            assertFalse(success.contains(never), report);
            assertTrue(failures.contains("\"SOPInstanceUID\":\"" + never + "\""), report);
            assertTrue(failures.contains("\"FailureReason\":274"), report);
            assertFalse(failures.contains(uidOf(files.get(0))), report);
        } finally {
            admin.delete("/strata/api/aes/ORTHANC");
        }
    }

    /** The array of a top-level field of Orthanc's (whitespace-free) JSON. */
    private static String section(String json, String field) {
        int start = json.indexOf("\"" + field + "\":[");
        assertTrue(start >= 0, "no " + field + " in " + json);
        return json.substring(start, json.indexOf(']', start) + 1);
    }

    /** New instances, generated but not stored in Strata (the peer stores them). */
    private static List<Path> storedInstancesViaNothing(Path dir) throws Exception {
        Process gen = new ProcessBuilder("/usr/bin/python3", "src/test/python/make_instances.py", dir.toString(), "1")
                .start();
        assertEquals(0, gen.waitFor(), new String(gen.getErrorStream().readAllBytes()));
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
        }
    }

    /** The online tier's file of an instance: the one holding its SOP Instance UID. */
    static Path storedFileOf(String sopInstanceUid) throws Exception {
        Path storage = Path.of(System.getProperty("it.data.dir"), "storage");
        byte[] uid = sopInstanceUid.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        try (Stream<Path> files = Files.walk(storage)) {
            return files.filter(Files::isRegularFile).filter(f -> contains(f, uid)).findFirst()
                    .orElseThrow(() -> new AssertionError("no stored file holds " + sopInstanceUid));
        }
    }

    private static boolean contains(Path f, byte[] needle) {
        try {
            byte[] b = Files.readAllBytes(f);
            outer:
            for (int i = 0; i + needle.length <= b.length; i++) {
                for (int j = 0; j < needle.length; j++) {
                    if (b[i + j] != needle[j]) {
                        continue outer;
                    }
                }
                return true;
            }
            return false;
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
