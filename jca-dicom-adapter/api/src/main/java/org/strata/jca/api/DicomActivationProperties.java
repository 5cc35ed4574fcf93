package org.strata.jca.api;

/** Names of the activation properties of a DICOM listener (MDB activation config). */
public final class DicomActivationProperties {

    /** The AE title the listener answers to. */
    public static final String AE_TITLE = "aeTitle";
    /** TCP port. */
    public static final String PORT = "port";
    /** Address to bind, e.g. {@code 0.0.0.0} (default) or {@code 127.0.0.1}. */
    public static final String BIND_ADDRESS = "bindAddress";
    /** {@code true} for DICOM over TLS (PS3.15 B.9 BCP 195 profile). */
    public static final String TLS = "tls";
    /** Comma-separated calling AE titles accepted; empty accepts every caller. */
    public static final String ACCEPTED_CALLING_AE_TITLES = "acceptedCallingAeTitles";
    /** Maximum number of concurrent associations. */
    public static final String MAX_ASSOCIATIONS = "maxAssociations";

    private DicomActivationProperties() {
    }
}
