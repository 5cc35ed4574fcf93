package org.strata.ejb.ae;

/**
 * How to reach a remote AE. The constructor validates: a normalized AE title, a host, a port in
 * 1..65535 and a description of at most 1024 characters.
 */
public record RemoteAEConfig(String aeTitle, String host, int port, boolean tls, String description) {

    public RemoteAEConfig {
        aeTitle = AeTitle.normalize(aeTitle);
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("host is missing");
        }
        host = host.strip();
        if (host.length() > 255) {
            throw new IllegalArgumentException("host is longer than 255 characters");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is not in 1..65535");
        }
        if (description != null && description.length() > 1024) {
            throw new IllegalArgumentException("description is longer than 1024 characters");
        }
    }
}
