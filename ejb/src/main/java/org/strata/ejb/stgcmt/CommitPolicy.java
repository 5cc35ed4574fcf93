package org.strata.ejb.stgcmt;

import java.util.Locale;

/**
 * When the archive takes responsibility for an instance (per requesting AE, setting
 * {@code stgcmt.policy.<AET>}, default {@link #ONLINE}).
 */
public enum CommitPolicy {
    /** Indexed, durable on the online tier, and its SHA-256 digest verifies. */
    ONLINE,
    /** As {@link #ONLINE}, and a copy also exists on a second tier (the HSM's); until then pending. */
    SECOND_TIER;

    public static CommitPolicy parse(String value) {
        return value == null ? ONLINE : valueOf(value.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
