package org.strata.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
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

    static OrthancPeer orthanc;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.strataEar();
    }

    @BeforeAll
    static void startOrthanc() throws Exception {
        orthanc = OrthancPeer.start();
    }

    @AfterAll
    static void stopOrthanc() throws Exception {
        orthanc.close();
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
        HttpResponse<String> uploaded = orthanc.upload(ct);
        assertEquals(200, uploaded.statusCode(), uploaded.body());
        String id = Http.field(uploaded.body(), "ID");

        HttpResponse<String> sent = orthanc.post("/modalities/strata/store", id);
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
                "/strata/api/aes/ORTHANC", "{\"host\":\"127.0.0.1\",\"port\":" + orthanc.dicomPort + "}").statusCode());

        Dcmtk.Result moved = Dcmtk.run("movescu", "-S", "-aec", "STRATA", "-aem", "ORTHANC", "127.0.0.1",
                System.getProperty("it.dicom.port"), "-k", "QueryRetrieveLevel=STUDY",
                "-k", "StudyInstanceUID=1.3.6.1.4.1.5962.1.2.4.20040826185059.5457");
        assertEquals(0, moved.exitCode(), moved.output());

        HttpResponse<String> find = orthanc.post("/tools/find", "{\"Level\":\"Instance\",\"Query\":{\"SOPInstanceUID\":"
                + "\"1.3.6.1.4.1.5962.1.1.4.1.1.20040826185059.5457\"}}");
        assertEquals(200, find.statusCode(), find.body());
        assertTrue(find.body().matches("(?s)\\[\\s*\"[0-9a-f-]+\"\\s*\\]"), "Orthanc holds the moved instance: " + find.body());
    }
}
