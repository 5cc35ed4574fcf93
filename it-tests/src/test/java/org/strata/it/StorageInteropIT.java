package org.strata.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
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

/**
 * DCMTK's echoscu and storescu against the deployed archive: requests travel through the
 * resource adapter into the archive's message endpoint.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class StorageInteropIT {

    static final Path PYDICOM_FILES = Path.of("/usr/lib/python3/dist-packages/pydicom/data/test_files");

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.strataEar();
    }

    private static String port() {
        return System.getProperty("it.dicom.port");
    }

    @Test
    void echoscuIsAnsweredWithSuccess() throws Exception {
        Dcmtk.Result r = Dcmtk.run("echoscu", "-v", "-aec", "STRATA", "127.0.0.1", port());
        assertEquals(0, r.exitCode(), r.output());
        assertTrue(r.output().contains("Received Echo Response (Success)"), r.output());
    }

    @Test
    void echoscuToAnotherCalledAeTitleIsRejected() throws Exception {
        Dcmtk.Result r = Dcmtk.run("echoscu", "-aec", "NOT-STRATA", "127.0.0.1", port());
        assertTrue(r.exitCode() != 0, r.output());
        assertTrue(r.output().contains("Reason: Called AE Title Not Recognized"), r.output());
    }

    @Test
    void storescuStoresAndEachObjectBecomesOneDurableFile(@org.junit.jupiter.api.io.TempDir Path corpus) throws Exception {
        // new instances (new UIDs), so that other tests' stores do not matter
        Process gen = new ProcessBuilder("/usr/bin/python3", "src/test/python/make_instances.py", corpus.toString(), "3")
                .start();
        assertEquals(0, gen.waitFor(), new String(gen.getErrorStream().readAllBytes()));
        long before = storedObjects();
        Dcmtk.Result r = Dcmtk.run("storescu", "+sd", "-v", "-aec", "STRATA", "127.0.0.1", port(), corpus.toString());
        assertEquals(0, r.exitCode(), r.output());
        assertEquals(3, r.output().split("Received Store Response \\(Success\\)", -1).length - 1, r.output());
        assertEquals(before + 3, storedObjects(), "one object per instance on the online tier");

        // the same instances again: OVERWRITE replaces the copies, nothing accumulates
        Dcmtk.Result again = Dcmtk.run("storescu", "+sd", "-aec", "STRATA", "127.0.0.1", port(), corpus.toString());
        assertEquals(0, again.exitCode(), again.output());
        assertEquals(before + 3, storedObjects(), "a duplicate replaces, it does not add");
    }

    @Test
    void anInstanceWithoutStudyInstanceUidIsRefusedAndLeavesNothing() throws Exception {
        Path noStudy = Files.createTempFile("no-study-uid", ".dcm");
        Files.copy(PYDICOM_FILES.resolve("CT_small.dcm"), noStudy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Dcmtk.Result removed = Dcmtk.run("dcmodify", "-nb", "-ea", "(0020,000D)", noStudy.toString());
        assertEquals(0, removed.exitCode(), removed.output());
        long before = storedObjects();
        Dcmtk.Result r = Dcmtk.run("storescu", "-v", "-aec", "STRATA", "127.0.0.1", port(), noStudy.toString());
        assertTrue(r.output().contains("Received Store Response (Error: DataSetDoesNotMatchSOPClass)"), r.output());
        assertEquals(before, storedObjects(), "no object left behind");
    }

    @Test
    void anUnknownSopClassIsAcceptedWithoutItsPresentationContext() throws Exception {
        try (org.strata.dicom.net.NetRuntime runtime = new org.strata.dicom.net.NetRuntime("it-unknown", 4);
             org.strata.dicom.net.dimse.DimseClient client = org.strata.dicom.net.dimse.DimseClient.open(runtime,
                     new org.strata.dicom.net.config.RemoteAe("STRATA", "127.0.0.1", Integer.parseInt(port())),
                     new org.strata.dicom.net.dimse.AssociateRqBuilder("UNKNOWNSCU", "STRATA")
                             .addContext("1.2.840.10008.5.1.4.1.1.2", "1.2.840.10008.1.2.1")
                             .addContext("1.2.3.4.5.6.7.8.9.999", "1.2.840.10008.1.2.1").build(),
                     org.strata.dicom.net.config.Timeouts.DEFAULT, null,
                     org.strata.dicom.net.dimse.DimseServiceRegistry.withEcho())) {
            assertTrue(client.presentationContext("1.2.840.10008.5.1.4.1.1.2", null) > 0, "CT Image Storage accepted");
            org.junit.jupiter.api.Assertions.assertThrows(org.strata.dicom.net.dimse.NoPresentationContextException.class,
                    () -> client.presentationContext("1.2.3.4.5.6.7.8.9.999", null), "unknown SOP class rejected");
            client.release();
        }
    }

    /** Committed objects on the online tier (temporary files of a two-phase write excluded). */
    private static long storedObjects() throws IOException {
        Path storage = Path.of(System.getProperty("it.data.dir"), "storage");
        if (!Files.isDirectory(storage)) {
            return 0;
        }
        try (Stream<Path> s = Files.walk(storage)) {
            return s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith(".")).count();
        }
    }
}
