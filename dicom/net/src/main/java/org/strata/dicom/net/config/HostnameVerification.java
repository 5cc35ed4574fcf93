package org.strata.dicom.net.config;

/**
 * Whether our TLS client checks that the server's certificate names the host it connected to
 * (endpoint identification, RFC 6125 / RFC 2818 3.1 as BCP 195 asks: a dNSName or iPAddress in the
 * certificate's subjectAltName must match the host name or address we dialled).
 */
public enum HostnameVerification {
    /** The certificate must name the host (the default). */
    ON,
    /** Only the chain is checked, e.g. for peers reached by an IP address their certificate does not carry. */
    OFF
}
