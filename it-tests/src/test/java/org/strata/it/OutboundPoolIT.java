package org.strata.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The outbound connection factory pools C-MOVE associations per destination: two moves to DCMTK's
 * storescp arrive on one association (storescp's own log counts them), and after storescp is
 * restarted under the archive's idle association the next move still succeeds on a new one.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OutboundPoolIT {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.strataEar();
    }

    @Test
    void twoMovesShareOneAssociationAndARestartedDestinationGetsANewOne(@TempDir Path work) throws Exception {
        String port = System.getProperty("it.dicom.port");
        Dcmtk.Result stored = Dcmtk.run("storescu", "-aec", "STRATA", "127.0.0.1", port,
                StorageInteropIT.PYDICOM_FILES.resolve("CT_small.dcm").toString());
        assertEquals(0, stored.exitCode(), stored.output());
        int storescpPort = StrataProcess.freePort();
        Http admin = Http.admin(Deployments.httpPort(), Deployments.adminPassword());
        assertEquals(201, admin.putJson("/strata/api/aes/POOLSCP",
                "{\"host\":\"127.0.0.1\",\"port\":" + storescpPort + "}").statusCode());
        Process first = storescp(work, "first", storescpPort);
        try {
            move(port);
            move(port);
            String log = stop(first, work.resolve("first.log"));
            assertEquals(2, count(log, "Received Store Request"), log);
            // (storescp also logs "Association Received" for the readiness probe's bare connection)
            assertEquals(1, count(log, "Association Acknowledged"), "one pooled association for both moves:\n" + log);

            // storescp restarted: the archive's pooled association to it is gone
            Process second = storescp(work, "second", storescpPort);
            try {
                move(port);
            } finally {
                log = stop(second, work.resolve("second.log"));
            }
            assertEquals(1, count(log, "Received Store Request"), log);
            assertEquals(1, count(log, "Association Acknowledged"), log);
            assertTrue(Files.list(work.resolve("second")).findAny().isPresent(), "the moved instance arrived");
        } finally {
            first.destroyForcibly();
            admin.delete("/strata/api/aes/POOLSCP");
        }
    }

    private static Process storescp(Path work, String name, int port) throws Exception {
        Path into = Files.createDirectories(work.resolve(name));
        ProcessBuilder pb = new ProcessBuilder("storescp", "-v", "-aet", "POOLSCP", "-od", into.toString(),
                String.valueOf(port)).redirectErrorStream(true).redirectOutput(work.resolve(name + ".log").toFile());
        pb.environment().put("TCP_NODELAY", "1");
        Process p = pb.start();
        StrataProcess.awaitListening(port, p);
        return p;
    }

    private static void move(String port) throws Exception {
        Dcmtk.Result r = Dcmtk.run("movescu", "-v", "-S", "-aec", "STRATA", "-aem", "POOLSCP", "127.0.0.1", port,
                "-k", "QueryRetrieveLevel=STUDY", "-k", "StudyInstanceUID=" + RetrieveInteropIT.STUDY);
        assertEquals(0, r.exitCode(), r.output());
        assertTrue(r.output().contains("Received Final Move Response (Success)"), r.output());
    }

    private static String stop(Process storescp, Path log) throws Exception {
        storescp.destroy();
        storescp.waitFor(10, TimeUnit.SECONDS);
        return Files.readString(log);
    }

    private static int count(String text, String what) {
        Matcher m = Pattern.compile(Pattern.quote(what)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
