package org.strata.dicom.tools.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** echo, store, storescp against DCMTK; find, move and get against dcmqrscp configured here. */
class NetCommandsTest {

    static final List<String> FILES = List.of("CT_small.dcm", "MR_small.dcm", "rtplan.dcm", "rtdose.dcm",
            "waveform_ecg.dcm", "reportsi.dcm");

    @TempDir
    Path tmp;

    private Path corpus() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("corpus"));
        for (String f : FILES) {
            Files.copy(Peers.TEST_FILES.resolve(f), dir.resolve(f));
        }
        return dir;
    }

    @Test
    void echoAndParallelStoreToDcmtkStorescp() throws Exception {
        int port = Peers.freePort();
        Path out = Files.createDirectories(tmp.resolve("out"));
        Process scp = Peers.start(tmp.resolve("storescp.log"), port, "storescp", "-aet", "STORESCP", "-od",
                out.toString(), String.valueOf(port));
        try {
            String called = "STORESCP@127.0.0.1:" + port;
            Peers.Result echo = Peers.strata("echo", "-c", called, "--count", "3");
            assertEquals(0, echo.exitCode(), echo.toString());
            assertTrue(echo.out().contains("status 0x0000"), echo.toString());
            Path corpus = corpus();
            Files.writeString(corpus.resolve("notes.txt"), "not DICOM");
            Peers.Result store = Peers.strata("store", "-c", called, "-b", "TESTSCU", "--parallel", "3",
                    corpus.toString());
            assertEquals(1, store.exitCode(), "the text file counts as a failure: " + store);
            assertTrue(store.out().contains("stored " + FILES.size() + ", failed 1"), store.toString());
            assertEquals(FILES.size(), Peers.countFiles(out));
            Files.delete(corpus.resolve("notes.txt"));
            assertEquals(0, Peers.strata("store", "-c", called, corpus.toString()).exitCode());
        } finally {
            Peers.stop(scp);
        }
        Peers.Result refused = Peers.strata("echo", "-c", "STORESCP@127.0.0.1:" + port, "--timeout", "2");
        assertNotEquals(0, refused.exitCode(), refused.toString());
    }

    @Test
    void dcmtkStorescuToOurStorescpCommand() throws Exception {
        int port = Peers.freePort();
        Path in = tmp.resolve("in");
        Thread scp = new Thread(() -> Peers.strata("storescp", "-b", "STRATA", "--host", "127.0.0.1", "--port",
                String.valueOf(port), "-o", in.toString()));
        scp.start();
        try {
            Peers.awaitPort(port, scp::isAlive);
            List<String> cmd = new java.util.ArrayList<>(List.of("storescu", "-aec", "STRATA", "127.0.0.1",
                    String.valueOf(port)));
            FILES.forEach(f -> cmd.add(Peers.TEST_FILES.resolve(f).toString()));
            Path log = tmp.resolve("storescu.log");
            assertEquals(0, Peers.run(log, cmd.toArray(String[]::new)), Files.readString(log));
            assertEquals(FILES.size(), Peers.countFiles(in));
            Peers.Result echo = Peers.strata("echo", "-c", "STRATA@127.0.0.1:" + port);
            assertEquals(0, echo.exitCode(), echo.toString());
            Path echoLog = tmp.resolve("echoscu.log");
            assertEquals(0, Peers.run(echoLog, "echoscu", "-d", "-aec", "STRATA", "127.0.0.1", String.valueOf(port)));
            assertTrue(Files.readString(echoLog).contains("Their Max PDU Receive Size:  131072"),
                    "storescp announces 128 KiB by default: " + Files.readString(echoLog));
        } finally {
            scp.interrupt();
            scp.join(10_000);
        }
    }

    @Test
    void findMoveAndGetAgainstDcmqrscp() throws Exception {
        int qrPort = Peers.freePort();
        int recvPort = Peers.freePort();
        Path db = Files.createDirectories(tmp.resolve("qrdb"));
        Path cfg = tmp.resolve("dcmqrscp.cfg");
        Files.writeString(cfg, String.join("\n",
                "NetworkTCPPort  = " + qrPort,
                "MaxPDUSize      = 16384",
                "MaxAssociations = 16",
                "HostTable BEGIN",
                "recv = (RECEIVER, 127.0.0.1, " + recvPort + ")",
                "scu = (STRATA-SCU, 127.0.0.1, " + Peers.freePort() + ")",
                "HostTable END",
                "VendorTable BEGIN",
                "VendorTable END",
                "AETable BEGIN",
                "QRSCP " + db + " RW (100, 1024mb) ANY",
                "AETable END", ""));
        Process qr = Peers.start(tmp.resolve("dcmqrscp.log"), qrPort, "dcmqrscp", "-v", "-c", cfg.toString());
        Path moved = tmp.resolve("moved");
        Thread receiver = new Thread(() -> Peers.strata("storescp", "-b", "RECEIVER", "--host", "127.0.0.1",
                "--port", String.valueOf(recvPort), "-o", moved.toString()));
        try {
            String called = "QRSCP@127.0.0.1:" + qrPort;
            Peers.Result store = Peers.strata("store", "-c", called, corpus().toString());
            assertEquals(0, store.exitCode(), store.toString());

            Peers.Result find = Peers.strata("find", "-c", called, "-L", "STUDY", "-m", "PatientName=*",
                    "-r", "StudyInstanceUID", "-r", "PatientID");
            assertEquals(0, find.exitCode(), find.toString());
            assertTrue(find.out().contains("StudyInstanceUID=1.3.6.1.4.1.5962.1.2.1.20040119072730.12322"),
                    find.toString());
            Peers.Result none = Peers.strata("find", "-c", called, "-m", "PatientName=NOBODY");
            assertTrue(none.out().contains("0 matches"), none.toString());

            receiver.start();
            Peers.awaitPort(recvPort, receiver::isAlive);
            Peers.Result move = Peers.strata("move", "-c", called, "--dest", "RECEIVER", "-m",
                    "StudyInstanceUID=1.3.6.1.4.1.5962.1.2.1.20040119072730.12322");
            assertEquals(0, move.exitCode(), move.toString());
            assertEquals(1, Peers.countFiles(moved), move.toString());
            Peers.Result unknown = Peers.strata("move", "-c", called, "--dest", "NOWHERE", "-m",
                    "StudyInstanceUID=1.3.6.1.4.1.5962.1.2.1.20040119072730.12322");
            assertNotEquals(0, unknown.exitCode(), unknown.toString());

            Path got = tmp.resolve("got");
            Peers.Result get = Peers.strata("get", "-c", called, "-o", got.toString(), "-m", "PatientName=*");
            assertEquals(0, get.exitCode(), get + Files.readString(tmp.resolve("dcmqrscp.log")));
            assertEquals(FILES.size(), Peers.countFiles(got), get.toString());
        } finally {
            receiver.interrupt();
            receiver.join(10_000);
            Peers.stop(qr);
        }
    }
}
