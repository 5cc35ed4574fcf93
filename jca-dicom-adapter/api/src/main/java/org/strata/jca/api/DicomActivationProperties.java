package org.strata.jca.api;

/** Names of the activation properties of a DICOM listener (MDB activation config). */
public final class DicomActivationProperties {

    /** The AE title the listener answers to. */
    public static final String AE_TITLE = "aeTitle";
    /** TCP port of the plain listener; -1 = no plain listener (TLS only). */
    public static final String PORT = "port";
    /** Address to bind, e.g. {@code 0.0.0.0} (default) or {@code 127.0.0.1}. */
    public static final String BIND_ADDRESS = "bindAddress";
    /** {@code true} opens a DICOM over TLS listener (PS3.15 B.9 BCP 195 profile) on {@link #TLS_PORT}. */
    public static final String TLS = "tls";
    /** TCP port of the TLS listener; default 2762, the port registered for DICOM over TLS (PS3.15 B.1). */
    public static final String TLS_PORT = "tlsPort";
    /** PKCS#12 key store with the archive's certificate and private key. */
    public static final String TLS_KEY_STORE = "tlsKeyStore";
    public static final String TLS_KEY_STORE_PASSWORD = "tlsKeyStorePassword";
    /** PKCS#12 trust store with the certificates (or CAs) of the peers allowed to connect. */
    public static final String TLS_TRUST_STORE = "tlsTrustStore";
    public static final String TLS_TRUST_STORE_PASSWORD = "tlsTrustStorePassword";
    /** {@code NEED} (default: peers authenticate each other, PS3.15 B.1), {@code WANT} or {@code NONE}. */
    public static final String TLS_CLIENT_AUTH = "tlsClientAuth";
    /** Comma-separated calling AE titles accepted; empty accepts every caller. */
    public static final String ACCEPTED_CALLING_AE_TITLES = "acceptedCallingAeTitles";
    /** Maximum number of concurrent associations. */
    public static final String MAX_ASSOCIATIONS = "maxAssociations";

    private DicomActivationProperties() {
    }
}
