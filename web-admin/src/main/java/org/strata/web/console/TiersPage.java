package org.strata.web.console;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.strata.ejb.hsm.Tier;
import org.strata.ejb.hsm.TierRegistry;
import org.strata.ejb.hsm.TierService;

/**
 * Backing bean of the tier part of {@code storage.xhtml}: tiers by URI with their usage; settings
 * whose name contains "secret" or "password" are shown as {@code ***}, as the REST API does.
 */
@Named
@ViewScoped
public class TiersPage implements Serializable {

    private static final long serialVersionUID = 1L;
    /** How a secret setting is shown. */
    static final String HIDDEN = "***";

    /** A tier as listed: its URI, settings (secrets hidden) and usage. */
    public record TierRow(String id, String uri, String settings, String objects, String bytes, String usable) {
    }

    @Inject
    TierService tiers;

    private List<TierRow> rows;
    private String id;
    private String uri;
    private String settings;

    public List<TierRow> getRows() {
        if (rows == null) {
            rows = new ArrayList<>();
            rows.add(row(TierRegistry.ONLINE, "(the online storage of the archive)", Map.of()));
            for (Tier t : tiers.all()) {
                rows.add(row(t.getId(), t.getUri(), t.getSettings()));
            }
        }
        return rows;
    }

    private TierRow row(String tierId, String tierUri, Map<String, String> tierSettings) {
        Map<String, String> shown = new TreeMap<>();
        tierSettings.forEach((k, v) -> shown.put(k, secret(k) ? HIDDEN : v));
        try {
            TierService.Usage u = tiers.usage(tierId);
            return new TierRow(tierId, tierUri, lines(shown), Long.toString(u.objects()), Long.toString(u.bytes()),
                    Long.toString(u.usableBytes()));
        } catch (Exception e) {
            String reason = "unavailable: " + Feedback.rootCause(e).getMessage();
            return new TierRow(tierId, tierUri, lines(shown), reason, "", "");
        }
    }

    /** Fills the form with a tier to change it; secrets show as {@value #HIDDEN}, which keeps them when saved. */
    public void edit(TierRow row) {
        id = row.id();
        uri = row.uri();
        Map<String, String> s = new LinkedHashMap<>(tiers.find(row.id()).map(Tier::getSettings).orElse(Map.of()));
        s.replaceAll((k, v) -> secret(k) ? HIDDEN : v);
        settings = lines(s);
    }

    public void save() {
        if (Feedback.run("Saved tier " + id, () -> tiers.put(id, uri, keepHiddenSecrets(parse(settings))))) {
            id = null;
            uri = null;
            settings = null;
            rows = null;
        }
    }

    /** A secret left as {@value #HIDDEN} keeps the value stored: the form never holds the secret itself. */
    private Map<String, String> keepHiddenSecrets(Map<String, String> entered) {
        Map<String, String> stored = tiers.find(id).map(Tier::getSettings).orElse(Map.of());
        entered.replaceAll((k, v) -> secret(k) && HIDDEN.equals(v) && stored.containsKey(k) ? stored.get(k) : v);
        return entered;
    }

    public void delete(TierRow row) {
        Feedback.run("Deleted tier " + row.id(), () -> {
            if (!tiers.delete(row.id())) {
                throw new IllegalArgumentException("no tier " + row.id());
            }
        });
        rows = null;
    }

    private static boolean secret(String name) {
        return name.toLowerCase(Locale.ROOT).matches(".*(secret|password).*");
    }

    private static String lines(Map<String, String> m) {
        StringBuilder sb = new StringBuilder();
        m.forEach((k, v) -> sb.append(k).append('=').append(v).append('\n'));
        return sb.toString().strip();
    }

    /** {@code name=value} lines. */
    static Map<String, String> parse(String text) {
        Map<String, String> m = new LinkedHashMap<>();
        if (text == null) {
            return m;
        }
        for (String line : text.split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq < 1) {
                throw new IllegalArgumentException("settings are name=value lines, not: " + line.strip());
            }
            m.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
        }
        return m;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getUri() {
        return uri;
    }

    public void setUri(String uri) {
        this.uri = uri;
    }

    public String getSettings() {
        return settings;
    }

    public void setSettings(String settings) {
        this.settings = settings;
    }
}
