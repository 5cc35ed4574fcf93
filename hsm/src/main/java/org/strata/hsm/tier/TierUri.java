package org.strata.hsm.tier;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.strata.hsm.spi.TierConfig;

/**
 * A tier as an administrator writes it: one URI whose query carries the settings, e.g.
 * {@code s3://bucket?endpoint=http://host:9000&region=eu-west-1&pathStyle=true} or
 * {@code tar:/library?volumeSize=1000000000&mountDelay=PT2S}, split into the provider's
 * location (without query) and its {@link TierConfig}. Explicit settings win over the query.
 * Aliases: {@code volumeSize} is {@code volumeCapacity}; {@code pathStyle=true|false} is
 * {@code addressing=PATH|VIRTUAL_HOST}.
 */
public record TierUri(URI location, TierConfig config) {

    public static TierUri parse(String uri, Map<String, String> settings) {
        if (uri == null || uri.isBlank()) {
            throw new IllegalArgumentException("a tier needs a uri (file:/…, s3://bucket?…, tar:/library?…)");
        }
        String text = uri.strip();
        int q = text.indexOf('?');
        String base = q < 0 ? text : text.substring(0, q);
        Map<String, String> values = new LinkedHashMap<>();
        if (q >= 0) {
            for (String pair : text.substring(q + 1).split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String key = decode(eq < 0 ? pair : pair.substring(0, eq));
                values.put(alias(key), alias(key, eq < 0 ? "" : decode(pair.substring(eq + 1))));
            }
        }
        if (settings != null) {
            settings.forEach((k, v) -> values.put(alias(k), alias(k, v)));
        }
        URI location;
        try {
            location = URI.create(base);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a URI: " + base, e);
        }
        String scheme = location.getScheme();
        if (scheme == null || !(scheme.equals("file") || scheme.equals("s3") || scheme.equals("tar"))) {
            throw new IllegalArgumentException("tier uri must start with file:, s3: or tar: — got " + base);
        }
        return new TierUri(location, TierConfig.of(values));
    }

    /** The URI scheme, lower case. */
    public String scheme() {
        return location.getScheme().toLowerCase(Locale.ROOT);
    }

    private static String alias(String key) {
        return switch (key) {
            case "volumeSize" -> "volumeCapacity";
            case "pathStyle" -> "addressing";
            default -> key;
        };
    }

    private static String alias(String key, String value) {
        if (key.equals("pathStyle")) {
            return Boolean.parseBoolean(value) || value.isEmpty() ? "PATH" : "VIRTUAL_HOST";
        }
        return value;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
