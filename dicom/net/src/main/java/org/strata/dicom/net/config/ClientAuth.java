package org.strata.dicom.net.config;

/** Whether a TLS server asks for a client certificate (PS3.15 B.1: peers authenticate each other). */
public enum ClientAuth {
    NONE,
    WANT,
    NEED
}
