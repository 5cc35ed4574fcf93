package org.strata.dicom.net.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.strata.dicom.net.NetRuntime;
import org.strata.dicom.net.assoc.AcceptorServices;
import org.strata.dicom.net.assoc.DicomListener;
import org.strata.dicom.net.config.ApplicationEntityConfig;
import org.strata.dicom.net.config.ListenerConfig;
import org.strata.dicom.net.config.RemoteAe;
import org.strata.dicom.net.config.Role;
import org.strata.dicom.net.config.Timeouts;
import org.strata.dicom.net.config.TlsConfig;
import org.strata.dicom.net.config.TransferCapability;
import org.strata.dicom.net.dimse.AssociateRqBuilder;
import org.strata.dicom.net.dimse.DimseChannel;
import org.strata.dicom.net.dimse.DimseClient;
import org.strata.dicom.net.dimse.DimseServiceRegistry;
import org.strata.dicom.net.dimse.Status;
import org.strata.dicom.net.dimse.StoreRequest;
import org.strata.dicom.net.service.Part10Source;
import org.strata.dicom.net.service.StorageDirectory;

/** TLS (PS3.15 B.9, BCP 195) in both directions with DCMTK, certificates made at test time. */
class DcmtkTlsInteropTest {

    @TempDir
    static Path tmp;
    static TestPki pki;
    static NetRuntime runtime;
    static final Path CT = Dcmtk.TEST_FILES.resolve("CT_small.dcm");

    @BeforeAll
    static void setUp() throws Exception {
        pki = new TestPki(Files.createDirectories(tmp.resolve("pki")));
        runtime = new NetRuntime("tls", 16);
    }

    @AfterAll
    static void tearDown() {
        runtime.close();
    }

    private static DimseClient open(int port, TlsConfig tls) throws IOException {
        Part10Source s = Part10Source.open(CT);
        return DimseClient.open(runtime, new RemoteAe("STORESCP", "127.0.0.1", port),
                new AssociateRqBuilder("STRATA-SCU", "STORESCP").addContext(DimseServiceRegistry.VERIFICATION,
                        AssociateRqBuilder.IMPLICIT_VR_LE).addContext(s.sopClassUid(), s.transferSyntax()).build(),
                Timeouts.DEFAULT, tls, new DimseServiceRegistry());
    }

    @Test
    void ourScuToDcmtkStorescpOverTls() throws Exception {
        int port = Dcmtk.freePort();
        Path out = Files.createDirectories(tmp.resolve("dcmtk-in"));
        Process scp = Dcmtk.start(tmp.resolve("storescp-tls.log"), port, "storescp", "+tls",
                pki.key("server").toString(), pki.pem("server").toString(), "+cf", pki.pem("ca").toString(),
                "-aet", "STORESCP", "-od", out.toString(), String.valueOf(port));
        try {
            Part10Source s = Part10Source.open(CT);
            try (DimseClient c = open(port, pki.config("client"))) {
                assertEquals(Status.SUCCESS, c.echo().status());
                assertEquals(Status.SUCCESS, c.store(StoreRequest.of(s.sopClassUid(), s.sopInstanceUid(),
                        s.transferSyntax()), s.dataSet()).status());
            }
            try (Stream<Path> files = Files.list(out)) {
                Path received = files.findFirst().orElseThrow();
                DatasetCompare.assertSameDataSet(CT, received);
            }
            // a client whose certificate the SCP does not trust is refused in the handshake
            TlsConfig rogue = TlsConfig.of(pki.dir.resolve("rogue.p12"), TestPki.PASSWORD,
                    pki.dir.resolve("trust.p12"), TestPki.PASSWORD);
            assertThrows(IOException.class, () -> open(port, rogue).close());
        } finally {
            Dcmtk.stop(scp);
        }
    }

    @Test
    void dcmtkStorescuToOurTlsScpAndUntrustedClientRefused() throws Exception {
        Path in = tmp.resolve("our-in");
        DimseServiceRegistry registry = DimseServiceRegistry.withEcho()
                .register(DimseServiceRegistry.ANY, new StorageDirectory(in));
        ApplicationEntityConfig ae = ApplicationEntityConfig.of("STRATA", List.of(
                new TransferCapability("*", Role.SCP, List.of("*"))));
        try (DicomListener listener = DicomListener.start(ListenerConfig.of("127.0.0.1", 0, ae)
                .withTls(pki.config("server")), runtime, AcceptorServices.of(DimseChannel.factory(registry, runtime)))) {
            String port = String.valueOf(listener.port());
            Path rogueLog = tmp.resolve("storescu-rogue.log");
            int rogue = Dcmtk.run(rogueLog, "storescu", "+tls", pki.key("rogue").toString(),
                    pki.pem("rogue").toString(), "+cf", pki.pem("ca").toString(), "-aec", "STRATA", "127.0.0.1",
                    port, CT.toString());
            assertNotEquals(0, rogue, Files.readString(rogueLog));
            assertTrue(Files.notExists(in) || isEmpty(in), "nothing stored from the untrusted client");

            Path log = tmp.resolve("storescu-tls.log");
            int rc = Dcmtk.run(log, "storescu", "-v", "+tls", pki.key("client").toString(),
                    pki.pem("client").toString(), "+cf", pki.pem("ca").toString(), "-aec", "STRATA", "127.0.0.1",
                    port, CT.toString());
            assertEquals(0, rc, Files.readString(log));
            DatasetCompare.assertSameDataSet(CT, in.resolve(Part10Source.open(CT).sopInstanceUid() + ".dcm"));
        }
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.noneMatch(p -> p.toString().endsWith(".dcm"));
        }
    }
}
