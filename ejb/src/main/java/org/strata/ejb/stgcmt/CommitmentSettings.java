package org.strata.ejb.stgcmt;

import java.time.Duration;
import org.strata.hsm.migrate.Backoff;
import org.strata.ejb.config.SettingsService;

/**
 * Storage commitment settings (in the database, editable through {@code /strata/api/settings}).
 *
 * @param retry  first retry delay of a report that could not be delivered, doubled per attempt
 *               up to 10 minutes ({@code stgcmt.retry-seconds}, default 10)
 * @param giveUp how long a commitment is evaluated and its report retried before it is given up
 *               ({@code stgcmt.give-up-seconds}, default 86400)
 */
public record CommitmentSettings(Duration retry, Duration giveUp) {

    public static final String RETRY = "stgcmt.retry-seconds";
    public static final String GIVE_UP = "stgcmt.give-up-seconds";
    /** Prefix of the per-AE policy setting, e.g. {@code stgcmt.policy.MODALITY1=SECOND_TIER}. */
    public static final String POLICY_PREFIX = "stgcmt.policy.";

    public static CommitmentSettings read(SettingsService settings) {
        return new CommitmentSettings(seconds(settings, RETRY, 10), seconds(settings, GIVE_UP, 86400));
    }

    static CommitPolicy policy(SettingsService settings, String aeTitle) {
        return CommitPolicy.parse(settings.get(POLICY_PREFIX + aeTitle).orElse(null));
    }

    private static Duration seconds(SettingsService settings, String name, long defaultSeconds) {
        return Duration.ofSeconds(settings.get(name).map(String::trim).map(Long::parseLong).orElse(defaultSeconds));
    }

    /** Delay before attempt {@code attempts + 1}: retry × 2^attempts, at most 10 minutes. */
    public Duration backOff(int attempts) {
        return Backoff.upTo(retry, Backoff.TEN_MINUTES).after(attempts + 1);
    }
}
