package org.strata.hsm.spi;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Untyped configuration of one tier as read from the archive's configuration (key → value).
 * Each factory turns it into its own typed record; the keys are documented on the factories.
 * Immutable.
 */
public final class TierConfig {

    private final Map<String, String> values;

    private TierConfig(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    public static TierConfig of(Map<String, String> values) {
        return new TierConfig(values);
    }

    public static TierConfig empty() {
        return new TierConfig(Map.of());
    }

    public Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key)).map(String::strip).filter(s -> !s.isEmpty());
    }

    public String require(String key) {
        return get(key).orElseThrow(() -> new IllegalArgumentException("Missing tier setting: " + key));
    }

    public long getLong(String key, long defaultValue) {
        return get(key).map(v -> parse(key, v)).orElse(defaultValue);
    }

    /** A duration as ISO-8601 ({@code PT2S}) or as milliseconds ({@code 2000}). */
    public Duration getDuration(String key, Duration defaultValue) {
        return get(key).map(v -> v.startsWith("P") || v.startsWith("p")
                ? Duration.parse(v) : Duration.ofMillis(parse(key, v))).orElse(defaultValue);
    }

    /** A comma-separated list; empty when absent. */
    public List<String> getList(String key) {
        return get(key).map(v -> Arrays.stream(v.split(",")).map(String::strip)
                .filter(s -> !s.isEmpty()).toList()).orElse(List.of());
    }

    private static long parse(String key, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Tier setting " + key + " is not a number: " + value, e);
        }
    }

    /** Keys and values, with values of keys containing "secret" or "password" masked. */
    @Override
    public String toString() {
        Map<String, String> shown = new TreeMap<>();
        values.forEach((k, v) -> {
            String key = k.toLowerCase(Locale.ROOT);
            shown.put(k, key.contains("secret") || key.contains("password") ? "***" : v);
        });
        return "TierConfig" + shown;
    }
}
