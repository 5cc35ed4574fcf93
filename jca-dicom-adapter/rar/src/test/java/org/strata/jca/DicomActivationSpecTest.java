package org.strata.jca;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.resource.spi.InvalidPropertyException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.strata.dicom.net.config.ClientAuth;
import org.strata.dicom.net.config.TlsConfig;

/** The TLS properties of a listener activation and their validation. */
class DicomActivationSpecTest {

    private static DicomActivationSpec tls() {
        DicomActivationSpec spec = new DicomActivationSpec();
        spec.setTls(true);
        spec.setTlsKeyStore("/etc/strata/server.p12");
        spec.setTlsKeyStorePassword("secret");
        spec.setTlsTrustStore("/etc/strata/trust.p12");
        spec.setTlsTrustStorePassword("trust");
        return spec;
    }

    @Test
    void tlsDefaultsToPort2762AndRequiredClientCertificates() throws Exception {
        DicomActivationSpec spec = tls();
        spec.validate();
        assertEquals(2762, spec.getTlsPort());
        TlsConfig config = spec.tlsConfig();
        assertEquals(ClientAuth.NEED, config.clientAuth());
        assertEquals(Path.of("/etc/strata/server.p12"), config.keyStore());
        assertEquals("trust", config.trustStorePassword());
        assertEquals(TlsConfig.BCP195_PROTOCOLS, config.protocols());
        assertFalse(spec.toString().contains("secret"), "no password in log lines: " + spec);
    }

    @Test
    void withoutTlsThereIsNoTlsConfig() throws Exception {
        DicomActivationSpec spec = new DicomActivationSpec();
        spec.validate();
        assertNull(spec.tlsConfig());
    }

    @Test
    void tlsNeedsBothStoresAndAKnownClientAuth() {
        DicomActivationSpec noKeyStore = tls();
        noKeyStore.setTlsKeyStore("");
        assertThrows(InvalidPropertyException.class, noKeyStore::validate);
        DicomActivationSpec noTrustStore = tls();
        noTrustStore.setTlsTrustStore(null);
        assertThrows(InvalidPropertyException.class, noTrustStore::validate);
        DicomActivationSpec badAuth = tls();
        badAuth.setTlsClientAuth("sometimes");
        assertThrows(InvalidPropertyException.class, badAuth::validate);
        DicomActivationSpec badPort = tls();
        badPort.setTlsPort(70000);
        assertThrows(InvalidPropertyException.class, badPort::validate);
    }

    @Test
    void noPlainPortOnlyWithTls() throws Exception {
        DicomActivationSpec tlsOnly = tls();
        tlsOnly.setPort(-1);
        tlsOnly.setTlsClientAuth("want");
        tlsOnly.validate();
        assertEquals(ClientAuth.WANT, tlsOnly.tlsConfig().clientAuth());
        DicomActivationSpec none = new DicomActivationSpec();
        none.setPort(-1);
        assertThrows(InvalidPropertyException.class, none::validate);
    }
}
