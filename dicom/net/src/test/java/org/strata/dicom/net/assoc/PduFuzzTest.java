package org.strata.dicom.net.assoc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.strata.dicom.net.NetRuntime;
import org.strata.dicom.net.config.ListenerConfig;
import org.strata.dicom.net.config.RemoteAe;
import org.strata.dicom.net.config.Timeouts;
import org.strata.dicom.net.dimse.AssociateRqBuilder;
import org.strata.dicom.net.dimse.Command;
import org.strata.dicom.net.dimse.CommandElement;
import org.strata.dicom.net.dimse.CommandField;
import org.strata.dicom.net.dimse.DimseChannel;
import org.strata.dicom.net.dimse.DimseClient;
import org.strata.dicom.net.dimse.DimseServiceRegistry;
import org.strata.dicom.net.dimse.Status;
import org.strata.dicom.net.pdu.Abort;
import org.strata.dicom.net.pdu.AbortReason;
import org.strata.dicom.net.pdu.PDataTf;
import org.strata.dicom.net.pdu.PduEncoder;
import org.strata.dicom.net.pdu.Pdv;
import org.strata.dicom.net.pdu.ReleaseRp;
import org.strata.dicom.net.pdu.ReleaseRq;

/**
 * Throws malformed, truncated and out-of-order PDUs at the SCP. Afterwards it must still answer
 * C-ECHO, with no association thread busy and no more file descriptors open than before.
 */
class PduFuzzTest {

    private static final Timeouts SHORT = Timeouts.DEFAULT.withRequest(Duration.ofMillis(200))
            .withIdle(Duration.ofMillis(800)).withRelease(Duration.ofSeconds(1));

    @Test
    void scpSurvivesMalformedInputWithoutLeaks() throws Exception {
        try (NetRuntime runtime = new NetRuntime("fuzz", 64)) {
            DicomListener listener = DicomListener.start(ListenerConfig.of("127.0.0.1", 0, Fixtures.scp("STRATA"))
                    .withTimeouts(SHORT), runtime, AcceptorServices.of(DimseChannel.factory(
                            DimseServiceRegistry.withEcho(), runtime)));
            try {
                echo(runtime, listener.port());
                long fdsBefore = openFileDescriptors();
                Random random = new Random(20261123);
                byte[] rq = PduEncoder.encode(Fixtures.echoRequest("STRATA"));
                for (int i = 0; i < 96; i++) {
                    attack(listener.port(), random, rq, i % 8);
                }
                echo(runtime, listener.port());
                awaitQuiet(listener, runtime);
                assertEquals(0, listener.activeConnections());
                assertEquals(0, runtime.activeThreads(), "association threads still busy");
                long fdsAfter = openFileDescriptors();
                assertTrue(fdsAfter <= fdsBefore, "file descriptors: " + fdsBefore + " before, " + fdsAfter + " after");
            } finally {
                listener.close();
            }
        }
    }

    private static void attack(int port, Random random, byte[] rq, int kind) throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            s.setSoTimeout(5000);
            s.setTcpNoDelay(true);
            OutputStream out = s.getOutputStream();
            InputStream in = s.getInputStream();
            try {
                switch (kind) {
                    case 0 -> out.write(randomBytes(random, 1 + random.nextInt(300)));
                    case 1 -> out.write(Arrays.copyOf(rq, random.nextInt(rq.length)));   // truncated RQ
                    case 2 -> out.write(flip(random, rq.clone(), 1 + random.nextInt(8))); // corrupted RQ
                    case 3 -> {                                                           // absurd lengths
                        byte[] h = {(byte) (1 + random.nextInt(9)), 0, (byte) 0xFF, (byte) random.nextInt(256), 0, 0};
                        out.write(h);
                    }
                    default -> {
                        out.write(rq);
                        out.flush();
                        readPdu(in); // A-ASSOCIATE-AC
                        out.write(afterAssociation(random, kind));
                    }
                }
                out.flush();
                drain(in);
            } catch (IOException e) {
                // the SCP closed on us, which is what it should do
            }
        }
    }

    /** A PDU sequence a well-behaved requestor would never send in Sta6. */
    private static byte[] afterAssociation(Random random, int kind) throws IOException {
        Command echo = new Command().set(CommandElement.CommandField, CommandField.C_ECHO_RQ.code())
                .set(CommandElement.AffectedSOPClassUID, Fixtures.VERIFICATION).set(CommandElement.MessageID, 1)
                .set(CommandElement.CommandDataSetType, Command.NO_DATA_SET);
        return switch (kind) {
            case 4 -> PduEncoder.encode(new PDataTf(List.of(                              // unknown context
                    Pdv.of(99, Pdv.MessagePart.COMMAND, true, echo.encode()))));
            case 5 -> concat(PduEncoder.encode(new ReleaseRp()), PduEncoder.encode(new ReleaseRq())); // Evt13 in Sta6
            case 6 -> PduEncoder.encode(new PDataTf(List.of(                              // garbage command set
                    Pdv.of(1, Pdv.MessagePart.COMMAND, true, randomBytes(random, 40)))));
            default -> concat(PduEncoder.encode(new PDataTf(List.of(                      // data before command
                    Pdv.of(1, Pdv.MessagePart.DATA_SET, false, new byte[10])))),
                    PduEncoder.encode(Abort.byProvider(AbortReason.NOT_SPECIFIED)));
        };
    }

    private static void readPdu(InputStream in) throws IOException {
        byte[] h = in.readNBytes(6);
        long len = ((h[2] & 0xFFL) << 24) | ((h[3] & 0xFF) << 16) | ((h[4] & 0xFF) << 8) | (h[5] & 0xFF);
        in.skipNBytes(len);
    }

    private static void drain(InputStream in) throws IOException {
        byte[] b = new byte[4096];
        while (in.read(b) >= 0) {
            // until the SCP closes the connection (A-ABORT, A-ASSOCIATE-RJ or ARTIM)
        }
    }

    private static byte[] randomBytes(Random r, int n) {
        byte[] b = new byte[n];
        r.nextBytes(b);
        return b;
    }

    private static byte[] flip(Random r, byte[] b, int times) {
        for (int i = 0; i < times; i++) {
            b[r.nextInt(b.length)] ^= (byte) (1 << r.nextInt(8));
        }
        return b;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    private static void echo(NetRuntime runtime, int port) throws IOException {
        try (DimseClient c = DimseClient.open(runtime, new RemoteAe("STRATA", "127.0.0.1", port),
                new AssociateRqBuilder("FUZZ", "STRATA").addContext(Fixtures.VERIFICATION, Fixtures.IVLE).build(),
                Timeouts.DEFAULT, null, new DimseServiceRegistry())) {
            assertEquals(Status.SUCCESS, c.echo().status());
        }
    }

    private static void awaitQuiet(DicomListener listener, NetRuntime runtime) throws InterruptedException {
        for (int i = 0; i < 250 && (listener.activeConnections() > 0 || runtime.activeThreads() > 0); i++) {
            Thread.sleep(20);
        }
    }

    private static long openFileDescriptors() throws IOException {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.count();
        }
    }
}
