package org.strata.dicom.net.config;

import java.nio.file.Path;
import java.util.List;

/**
 * TLS settings of one side, PS3.15 B.9 (BCP 195 TLS Secure Transport Connection Profile):
 * TLS 1.2 and 1.3 only. Key and trust stores are PKCS#12 files.
 *
 * @param keyStore    our certificate and key; may be {@code null} for a client without certificate
 * @param trustStore  the certificates we trust for the peer
 * @param cipherSuites empty = the JDK's defaults for the protocols (which follow BCP 195)
 * @param clientAuth   as a server: whether a client certificate is asked for
 * @param hostnameVerification as a client: whether the server certificate must name the host dialled
 */
public record TlsConfig(Path keyStore, String keyStorePassword, Path trustStore, String trustStorePassword,
        List<String> protocols, List<String> cipherSuites, ClientAuth clientAuth,
        HostnameVerification hostnameVerification) {

    public static final List<String> BCP195_PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

    public TlsConfig {
        protocols = List.copyOf(protocols);
        cipherSuites = List.copyOf(cipherSuites);
        for (String p : protocols) {
            if (!BCP195_PROTOCOLS.contains(p)) {
                throw new IllegalArgumentException("protocol not allowed by BCP 195: " + p);
            }
        }
    }

    /** TLS 1.2/1.3 with default suites, client certificates required, server host names verified. */
    public static TlsConfig of(Path keyStore, String keyStorePassword, Path trustStore, String trustStorePassword) {
        return new TlsConfig(keyStore, keyStorePassword, trustStore, trustStorePassword, BCP195_PROTOCOLS, List.of(),
                ClientAuth.NEED, HostnameVerification.ON);
    }

    public TlsConfig withClientAuth(ClientAuth auth) {
        return new TlsConfig(keyStore, keyStorePassword, trustStore, trustStorePassword, protocols, cipherSuites, auth,
                hostnameVerification);
    }

    public TlsConfig withHostnameVerification(HostnameVerification verification) {
        return new TlsConfig(keyStore, keyStorePassword, trustStore, trustStorePassword, protocols, cipherSuites,
                clientAuth, verification);
    }

    @Override
    public String toString() {
        return "TlsConfig[keyStore=" + keyStore + ", trustStore=" + trustStore + ", protocols=" + protocols
                + ", clientAuth=" + clientAuth + ", hostnameVerification=" + hostnameVerification + "]";
    }
}
