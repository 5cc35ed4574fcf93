package org.strata.dicom.net.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.strata.dicom.net.NetRuntime;
import org.strata.dicom.net.assoc.AcceptorServices;
import org.strata.dicom.net.assoc.DicomListener;
import org.strata.dicom.net.config.ApplicationEntityConfig;
import org.strata.dicom.net.config.HostnameVerification;
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

/**
 * Our TLS client checks the server certificate's subjectAltName against the host it dialled
 * (BCP 195 / RFC 6125 endpoint identification); certificates made at test time by {@link TestPki}.
 */
class TlsHostnameVerificationTest {

    @TempDir
    static Path tmp;
    static TestPki pki;
    static NetRuntime runtime;

    @BeforeAll
    static void setUp() throws Exception {
        pki = new TestPki(Files.createDirectories(tmp.resolve("pki")));
        runtime = new NetRuntime("tls-host", 16);
    }

    @AfterAll
    static void tearDown() {
        runtime.close();
    }

    private static DicomListener scp(String certificate) throws IOException {
        ApplicationEntityConfig ae = ApplicationEntityConfig.of("STRATA", List.of(
                new TransferCapability(DimseServiceRegistry.VERIFICATION, Role.SCP, List.of(AssociateRqBuilder.IMPLICIT_VR_LE))));
        return DicomListener.start(ListenerConfig.of("127.0.0.1", 0, ae).withTls(pki.config(certificate)), runtime,
                AcceptorServices.of(DimseChannel.factory(DimseServiceRegistry.withEcho(), runtime)));
    }

    private static int echo(String host, int port, TlsConfig tls) throws IOException {
        try (DimseClient c = DimseClient.open(runtime, new RemoteAe("STRATA", host, port),
                new AssociateRqBuilder("STRATA-SCU", "STRATA").addContext(DimseServiceRegistry.VERIFICATION,
                        AssociateRqBuilder.IMPLICIT_VR_LE).build(), Timeouts.DEFAULT, tls, new DimseServiceRegistry())) {
            return c.echo().status();
        }
    }

    @Test
    void serverCertificateNamingTheHostIsAccepted() throws IOException {
        try (DicomListener scp = scp("server")) {
            assertEquals(HostnameVerification.ON, pki.config("client").hostnameVerification(), "on by default");
            assertEquals(Status.SUCCESS, echo("localhost", scp.port(), pki.config("client")), "dNSName localhost");
            assertEquals(Status.SUCCESS, echo("127.0.0.1", scp.port(), pki.config("client")), "iPAddress 127.0.0.1");
        }
    }

    @Test
    void serverCertificateForAnotherHostIsRefusedUnlessVerificationIsOff() throws IOException {
        try (DicomListener scp = scp("elsewhere")) {
            IOException byName = assertThrows(IOException.class, () -> echo("localhost", scp.port(),
                    pki.config("client")));
            assertInstanceOf(SSLHandshakeException.class, byName, byName.toString());
            IOException byAddress = assertThrows(IOException.class, () -> echo("127.0.0.1", scp.port(),
                    pki.config("client")));
            assertInstanceOf(SSLHandshakeException.class, byAddress, byAddress.toString());
            // trusted chain, name not checked: accepted when the check is turned off
            assertEquals(Status.SUCCESS, echo("127.0.0.1", scp.port(),
                    pki.config("client").withHostnameVerification(HostnameVerification.OFF)));
        }
    }
}
