package org.strata.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DICOM over TLS (PS3.15 B.9) on the archive's listener, turned on through
 * {@code ./strata run --properties}: DCMTK's echoscu and storescu with a certificate of the
 * trusted CA reach the TLS port; a client whose CA is not trusted, and one without a certificate,
 * are refused in the handshake; the plain port keeps working.
 */
class TlsListenerIT {

    static final String CT_STUDY = RetrieveInteropIT.STUDY;

    @Test
    void trustedClientsReachTheTlsPortAndOthersAreRefused(@TempDir Path data, @TempDir Path work)
            throws Exception {
        TestCertificates pki = new TestCertificates(work.resolve("pki"));
        int tlsPort = StrataProcess.freePort();
        Path properties = work.resolve("tls.properties");
        Files.writeString(properties, String.join("\n",
                "strata.dicom.tls=true",
                "strata.dicom.tls.port=" + tlsPort,
                "strata.dicom.tls.keystore=" + pki.keyStore("server"),
                "strata.dicom.tls.keystore-password=" + TestCertificates.PASSWORD,
                "strata.dicom.tls.truststore=" + pki.trustStore(),
                "strata.dicom.tls.truststore-password=" + TestCertificates.PASSWORD,
                "strata.dicom.tls.client-auth=NEED", ""));
        try (StrataProcess strata = StrataProcess.start(data, "--properties", properties.toString())) {
            strata.awaitConsole();
            String port = String.valueOf(tlsPort);
            String ca = pki.pem("ca").toString();

            Dcmtk.Result echo = Dcmtk.run("echoscu", "-v", "+tls", pki.key("client").toString(),
                    pki.pem("client").toString(), "+cf", ca, "-aec", "STRATA", "127.0.0.1", port);
            assertEquals(0, echo.exitCode(), "C-ECHO over TLS: " + echo.output() + strata.output());

            Dcmtk.Result store = Dcmtk.run("storescu", "-v", "+tls", pki.key("client").toString(),
                    pki.pem("client").toString(), "+cf", ca, "-aec", "STRATA", "127.0.0.1", port,
                    StorageInteropIT.PYDICOM_FILES.resolve("CT_small.dcm").toString());
            assertEquals(0, store.exitCode(), store.output());
            assertTrue(store.output().contains("Received Store Response (Success)"), store.output());

            Dcmtk.Result rogue = Dcmtk.run("echoscu", "+tls", pki.key("rogue").toString(),
                    pki.pem("rogue").toString(), "+cf", ca, "-aec", "STRATA", "127.0.0.1", port);
            assertNotEquals(0, rogue.exitCode(), "a certificate of an untrusted CA is refused: " + rogue.output());

            Dcmtk.Result anonymous = Dcmtk.run("echoscu", "+tla", "+cf", ca, "-aec", "STRATA", "127.0.0.1", port);
            assertNotEquals(0, anonymous.exitCode(), "a client without certificate is refused: " + anonymous.output());

            Dcmtk.Result plainOnTls = Dcmtk.run("echoscu", "-to", "10", "-aec", "STRATA", "127.0.0.1", port);
            assertNotEquals(0, plainOnTls.exitCode(), "no plain DICOM on the TLS port: " + plainOnTls.output());

            // the plain listener stays, and the instance stored over TLS is in the archive
            String plain = String.valueOf(strata.dicomPort());
            Dcmtk.Result find = Dcmtk.run("findscu", "-v", "-S", "-aec", "STRATA", "127.0.0.1", plain,
                    "-k", "QueryRetrieveLevel=STUDY", "-k", "StudyInstanceUID=" + CT_STUDY);
            assertEquals(0, find.exitCode(), find.output());
            assertTrue(find.output().contains(CT_STUDY) && find.output().contains("Find Response: 1 (Pending)"),
                    "the study stored over TLS is found: " + find.output());
            assertEquals(0, strata.stop(), strata.output());
        }
    }
}
