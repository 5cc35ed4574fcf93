package org.strata.ejb.ae;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A remote application entity the archive connects to: move destinations, storage commitment
 * requesters reached on a new association, forwarding targets.
 */
@Entity
@Table(name = "remote_ae")
@NamedQuery(name = RemoteAE.FIND_ALL, query = "SELECT a FROM RemoteAE a ORDER BY a.aeTitle")
public class RemoteAE {

    public static final String FIND_ALL = "RemoteAE.findAll";

    @Id
    @Column(name = "ae_title", length = AeTitle.MAX_LENGTH)
    private String aeTitle;

    @Column(name = "host", length = 255, nullable = false)
    private String host;

    @Column(name = "port", nullable = false)
    private int port;

    @Column(name = "tls", nullable = false)
    private boolean tls;

    @Column(name = "description", length = 1024)
    private String description;

    @Version
    @Column(name = "version")
    private long version;

    protected RemoteAE() {
        // for JPA
    }

    public RemoteAE(RemoteAEConfig config) {
        this.aeTitle = config.aeTitle();
        update(config);
    }

    /** Takes host, port, TLS and description from {@code config} (the AE title stays). */
    public final void update(RemoteAEConfig config) {
        this.host = config.host();
        this.port = config.port();
        this.tls = config.tls();
        this.description = config.description();
    }

    public RemoteAEConfig toConfig() {
        return new RemoteAEConfig(aeTitle, host, port, tls, description);
    }
}
