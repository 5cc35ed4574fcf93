package org.strata.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Orthanc (Debian package) as a peer: it stores to Strata, and Strata moves to it. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OrthancInteropIT {

    /** HTTP/1.1: Orthanc's embedded server does not take the h2c upgrade offer of a POST. */
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    static Process orthanc;
    static int orthancDicomPort;
    static int orthancHttpPort;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.strataEar();
    }

    @BeforeAll
    static void startOrthanc() throws Exception {
        Path work = Files.createTempDirectory("orthanc");
        orthancDicomPort = StrataProcess.freePort();
        orthancHttpPort = StrataProcess.freePort();
        Path config = work.resolve("orthanc.json");
        Files.writeString(config, """
                { "Name": "strata-it", "StorageDirectory": "%s/storage", "IndexDirectory": "%s/index",
                  "DicomAet": "ORTHANC", "DicomPort": %d, "HttpPort": %d,
                  "RemoteAccessAllowed": false, "AuthenticationEnabled": false, "DicomCheckCalledAet": false,
                  "DicomModalities": { "strata": [ "STRATA", "127.0.0.1", %s ] }, "Plugins": [] }
                """.formatted(work, work, orthancDicomPort, orthancHttpPort, System.getProperty("it.dicom.port")));
        orthanc = new ProcessBuilder("Orthanc", config.toString()).redirectErrorStream(true)
                .redirectOutput(work.resolve("orthanc.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            try {
                if (get("/system").statusCode() == 200) {
                    break;
                }
            } catch (java.io.IOException e) {
                if (System.nanoTime() > deadline || !orthanc.isAlive()) {
                    throw new AssertionError("Orthanc did not start: " + Files.readString(work.resolve("orthanc.log")));
                }
            }
            Thread.sleep(300);
        }
    }

    @AfterAll
    static void stopOrthanc() throws Exception {
        orthanc.destroy();
        orthanc.waitFor(20, TimeUnit.SECONDS);
        Http.admin(Deployments.httpPort(), Deployments.adminPassword()).delete("/strata/api/aes/ORTHANC");
    }

    @Test
    void orthancStoresToStrata(@org.junit.jupiter.api.io.TempDir Path corpus) throws Exception {
        // a new instance, so that nothing else could have stored it
        Process gen = new ProcessBuilder("/usr/bin/python3", "src/test/python/make_instances.py", corpus.toString(), "1")
                .start();
        assertEquals(0, gen.waitFor(), new String(gen.getErrorStream().readAllBytes()));
        Path ct;
        try (java.util.stream.Stream<Path> files = Files.list(corpus)) {
            ct = files.findFirst().orElseThrow();
        }
        String sopInstanceUid = ct.getFileName().toString().replace(".dcm", "");
        HttpResponse<String> uploaded = upload(ct);
        assertEquals(200, uploaded.statusCode(), uploaded.body());
        String id = Http.field(uploaded.body(), "ID");

        HttpResponse<String> sent = HTTP.send(HttpRequest.newBuilder(orthancUri("/modalities/strata/store"))
                .POST(HttpRequest.BodyPublishers.ofString(id)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, sent.statusCode(), sent.body());
        assertEquals("0", Http.field(sent.body(), "FailedInstancesCount"), sent.body());

        Dcmtk.Result found = Dcmtk.run("findscu", "-S", "-aec", "STRATA", "127.0.0.1", System.getProperty("it.dicom.port"),
                "-k", "QueryRetrieveLevel=IMAGE", "-k", "SOPInstanceUID=" + sopInstanceUid,
                "-k", "StudyInstanceUID", "-k", "SeriesInstanceUID");
        assertTrue(found.output().contains("Find Response: 1 (Pending)"), "stored by Orthanc, found by C-FIND:\n"
                + found.output());
    }

    @Test
    void strataMovesToOrthanc() throws Exception {
        Dcmtk.Result stored = Dcmtk.run("storescu", "-aec", "STRATA", "127.0.0.1", System.getProperty("it.dicom.port"),
                StorageInteropIT.PYDICOM_FILES.resolve("MR_small.dcm").toString());
        assertEquals(0, stored.exitCode(), stored.output());
        assertEquals(201, Http.admin(Deployments.httpPort(), Deployments.adminPassword()).putJson(
                "/strata/api/aes/ORTHANC", "{\"host\":\"127.0.0.1\",\"port\":" + orthancDicomPort + "}").statusCode());

        Dcmtk.Result moved = Dcmtk.run("movescu", "-S", "-aec", "STRATA", "-aem", "ORTHANC", "127.0.0.1",
                System.getProperty("it.dicom.port"), "-k", "QueryRetrieveLevel=STUDY",
                "-k", "StudyInstanceUID=1.3.6.1.4.1.5962.1.2.4.20040826185059.5457");
        assertEquals(0, moved.exitCode(), moved.output());

        HttpResponse<String> find = HTTP.send(HttpRequest.newBuilder(orthancUri("/tools/find"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"Level\":\"Instance\",\"Query\":{\"SOPInstanceUID\":"
                        + "\"1.3.6.1.4.1.5962.1.1.4.1.1.20040826185059.5457\"}}")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, find.statusCode(), find.body());
        assertTrue(find.body().matches("(?s)\\[\\s*\"[0-9a-f-]+\"\\s*\\]"), "Orthanc holds the moved instance: " + find.body());
    }

    /** POST /instances; a connection Orthanc closes without answering is tried again, twice. */
    private static HttpResponse<String> upload(Path file) throws Exception {
        java.io.IOException last = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                return HTTP.send(HttpRequest.newBuilder(orthancUri("/instances"))
                        .POST(HttpRequest.BodyPublishers.ofFile(file)).build(), HttpResponse.BodyHandlers.ofString());
            } catch (java.io.IOException e) {
                last = e;
                Thread.sleep(500);
            }
        }
        throw last;
    }

    private static URI orthancUri(String path) {
        return URI.create("http://127.0.0.1:" + orthancHttpPort + path);
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(orthancUri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
