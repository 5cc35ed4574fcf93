package org.strata.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.strata.dicom.core.Attributes;
import org.strata.dicom.core.Tag;
import org.strata.dicom.core.VR;
import org.strata.dicom.core.io.DicomWriter;
import org.strata.dicom.core.io.TransferSyntax;
import org.strata.dicom.net.NetRuntime;
import org.strata.dicom.net.config.RemoteAe;
import org.strata.dicom.net.config.Timeouts;
import org.strata.dicom.net.dimse.AssociateRqBuilder;
import org.strata.dicom.net.dimse.CommandElement;
import org.strata.dicom.net.dimse.DimseClient;
import org.strata.dicom.net.dimse.DimseRsp;
import org.strata.dicom.net.dimse.DimseServiceRegistry;
import org.strata.dicom.net.dimse.Invocation;
import org.strata.dicom.net.dimse.Priority;

/** C-CANCEL during a large C-MOVE stops the sub-operations and answers Cancel (PS3.4 C.4.2.3.1). */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MoveCancelIT {

    static final String STUDY_ROOT_MOVE = "1.2.840.10008.5.1.4.1.2.2.2";
    static final int INSTANCES = 200;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.strataEar();
    }

    @Test
    void cancelStopsALargeMove(@TempDir Path corpus, @TempDir Path received) throws Exception {
        Process gen = new ProcessBuilder("/usr/bin/python3", "src/test/python/make_instances.py", corpus.toString(),
                String.valueOf(INSTANCES)).start();
        String study = new String(gen.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(0, gen.waitFor());
        String port = System.getProperty("it.dicom.port");
        Dcmtk.Result stored = Dcmtk.run("storescu", "+sd", "-aec", "STRATA", "127.0.0.1", port, corpus.toString());
        assertEquals(0, stored.exitCode(), stored.output());

        int storescpPort = StrataProcess.freePort();
        ProcessBuilder pb = new ProcessBuilder("storescp", "-aet", "CANCELDEST", "-od", received.toString(),
                String.valueOf(storescpPort)).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("TCP_NODELAY", "1");
        Process storescp = pb.start();
        StrataProcess.awaitListening(storescpPort, storescp);
        Http admin = Http.admin(Deployments.httpPort(), Deployments.adminPassword());
        admin.putJson("/strata/api/aes/CANCELDEST", "{\"host\":\"127.0.0.1\",\"port\":" + storescpPort + "}");
        try (NetRuntime runtime = new NetRuntime("it-cancel", 8);
             DimseClient client = DimseClient.open(runtime, new RemoteAe("STRATA", "127.0.0.1", Integer.parseInt(port)),
                     new AssociateRqBuilder("CANCELSCU", "STRATA").addContext(STUDY_ROOT_MOVE,
                             AssociateRqBuilder.EXPLICIT_VR_LE).build(), Timeouts.DEFAULT, null,
                     DimseServiceRegistry.withEcho())) {
            CountDownLatch firstPending = new CountDownLatch(1);
            byte[] keys = identifier(study);
            Invocation move = client.moveAsync(STUDY_ROOT_MOVE, AssociateRqBuilder.EXPLICIT_VR_LE, Priority.MEDIUM,
                    "CANCELDEST", out -> out.write(keys), rsp -> firstPending.countDown());
            assertTrue(firstPending.await(60, TimeUnit.SECONDS), "no pending response");
            client.cancel(move);
            DimseRsp last = client.await(move);
            assertEquals(0xFE00, last.status(), "final status is Cancel");
            int completed = last.subOperations(CommandElement.NumberOfCompletedSuboperations);
            assertTrue(completed >= 1 && completed < INSTANCES, "sub-operations stopped early: " + completed);
            client.release();
        } finally {
            storescp.destroy();
            storescp.waitFor(10, TimeUnit.SECONDS);
            admin.delete("/strata/api/aes/CANCELDEST");
        }
    }

    private static byte[] identifier(String study) throws Exception {
        Attributes keys = new Attributes().setString(Tag.QueryRetrieveLevel, VR.CS, "STUDY")
                .setString(Tag.StudyInstanceUID, VR.UI, study);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DicomWriter.write(keys, bytes, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        return bytes.toByteArray();
    }
}
