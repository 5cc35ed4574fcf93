package org.strata.dicom.net.tls;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.strata.dicom.net.config.ClientAuth;
import org.strata.dicom.net.config.HostnameVerification;
import org.strata.dicom.net.config.TlsConfig;

/**
 * TLS for DICOM connections, PS3.15 B.9 (BCP 195 profile): TLS 1.2/1.3 only, certificates from
 * PKCS#12 stores, client certificates checked against the trust store.
 */
public final class TlsSockets {

    private final TlsConfig config;
    private final SSLContext context;

    public TlsSockets(TlsConfig config) throws IOException {
        this.config = config;
        try {
            KeyManagerFactory kmf = null;
            if (config.keyStore() != null) {
                kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                kmf.init(load(config.keyStore(), config.keyStorePassword()), chars(config.keyStorePassword()));
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(config.trustStore() == null ? null : load(config.trustStore(), config.trustStorePassword()));
            context = SSLContext.getInstance("TLS");
            context.init(kmf == null ? null : kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot set up TLS from " + config + ": " + e.getMessage(), e);
        }
    }

    private static KeyStore load(java.nio.file.Path path, String password) throws IOException, GeneralSecurityException {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(path)) {
            ks.load(in, chars(password));
        }
        return ks;
    }

    private static char[] chars(String s) {
        return s == null ? null : s.toCharArray();
    }

    /** Wraps an accepted socket as the TLS server side and completes the handshake. */
    public SSLSocket serverSide(Socket plain) throws IOException {
        SSLSocket s = (SSLSocket) context.getSocketFactory().createSocket(plain, null, plain.getPort(), true);
        s.setUseClientMode(false);
        SSLParameters p = parameters();
        if (config.clientAuth() == ClientAuth.NEED) {
            p.setNeedClientAuth(true);
        } else if (config.clientAuth() == ClientAuth.WANT) {
            p.setWantClientAuth(true);
        }
        s.setSSLParameters(p);
        s.startHandshake();
        return s;
    }

    /**
     * Wraps a connected socket as the TLS client side and completes the handshake. Unless turned off,
     * the server certificate's subjectAltName must name {@code host} (a dNSName for a host name, an
     * iPAddress for an address literal): the handshake fails otherwise.
     */
    public SSLSocket clientSide(Socket plain, String host, int port) throws IOException {
        SSLSocket s = (SSLSocket) context.getSocketFactory().createSocket(plain, host, port, true);
        s.setUseClientMode(true);
        SSLParameters p = parameters();
        if (config.hostnameVerification() != HostnameVerification.OFF) {
            p.setEndpointIdentificationAlgorithm("HTTPS"); // RFC 2818 3.1 name matching, as BCP 195 asks
        }
        s.setSSLParameters(p);
        s.startHandshake();
        return s;
    }

    private SSLParameters parameters() {
        SSLParameters p = context.getDefaultSSLParameters();
        p.setProtocols(config.protocols().toArray(String[]::new));
        if (!config.cipherSuites().isEmpty()) {
            p.setCipherSuites(config.cipherSuites().toArray(String[]::new));
        }
        return p;
    }
}
