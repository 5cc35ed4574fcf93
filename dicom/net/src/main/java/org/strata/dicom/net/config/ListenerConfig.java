package org.strata.dicom.net.config;

import java.util.List;
import java.util.Optional;

/**
 * A listening port with the AEs it serves.
 *
 * @param port            0 = any free port
 * @param tls             {@code null} = plain TCP
 * @param maxPduLength    the maximum P-DATA-TF length we announce (PS3.8 D.1); 0 = unlimited
 * @param maxAssociations concurrent associations on this port, all AEs together
 */
public record ListenerConfig(String host, int port, List<ApplicationEntityConfig> applicationEntities,
        TlsConfig tls, Timeouts timeouts, long maxPduLength, int maxAssociations) {

    public ListenerConfig {
        applicationEntities = List.copyOf(applicationEntities);
        if (maxAssociations < 1) {
            throw new IllegalArgumentException("maxAssociations must be at least 1");
        }
    }

    public static ListenerConfig of(String host, int port, ApplicationEntityConfig... aes) {
        return new ListenerConfig(host, port, List.of(aes), null, Timeouts.DEFAULT, 16384, 64);
    }

    public ListenerConfig withTls(TlsConfig t) {
        return new ListenerConfig(host, port, applicationEntities, t, timeouts, maxPduLength, maxAssociations);
    }

    public ListenerConfig withTimeouts(Timeouts t) {
        return new ListenerConfig(host, port, applicationEntities, tls, t, maxPduLength, maxAssociations);
    }

    public ListenerConfig withMaxPduLength(long len) {
        return new ListenerConfig(host, port, applicationEntities, tls, timeouts, len, maxAssociations);
    }

    public ListenerConfig withMaxAssociations(int n) {
        return new ListenerConfig(host, port, applicationEntities, tls, timeouts, maxPduLength, n);
    }

    public Optional<ApplicationEntityConfig> applicationEntity(String aeTitle) {
        return applicationEntities.stream().filter(ae -> ae.aeTitle().equals(aeTitle)).findFirst();
    }
}
