package org.strata.ejb.hsm;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A storage tier as configured by the administrator: its id (the {@code storage_id} of every
 * location on it) and its URI with settings, e.g. {@code s3://bucket?endpoint=…}. The online tier
 * {@value TierRegistry#ONLINE} is built in and has no row.
 */
@Entity
@Table(name = "hsm_tier")
@NamedQuery(name = Tier.FIND_ALL, query = "SELECT t FROM Tier t ORDER BY t.id")
public class Tier {

    public static final String FIND_ALL = "Tier.findAll";

    @Id
    @Column(name = "id", length = 64)
    private String id;

    @Column(name = "uri", length = 2000, nullable = false)
    private String uri;

    /** Further settings (credentials, commands), one {@code key=value} per line. */
    @Column(name = "settings", length = 4000)
    private String settings;

    @Version
    private long version;

    protected Tier() {
    }

    public Tier(String id, String uri, Map<String, String> settings) {
        this.id = id;
        update(uri, settings);
    }

    public void update(String uri, Map<String, String> settings) {
        this.uri = uri;
        StringBuilder b = new StringBuilder();
        if (settings != null) {
            settings.forEach((k, v) -> b.append(k).append('=').append(v).append('\n'));
        }
        this.settings = b.toString();
    }

    public String getId() {
        return id;
    }

    public String getUri() {
        return uri;
    }

    public Map<String, String> getSettings() {
        Map<String, String> map = new LinkedHashMap<>();
        if (settings != null) {
            for (String line : settings.split("\n")) {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    map.put(line.substring(0, eq), line.substring(eq + 1));
                }
            }
        }
        return map;
    }
}
