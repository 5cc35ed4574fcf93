package org.strata.ejb.hsm;

import java.util.regex.Pattern;

/** The ids of tiers, rules and storage groups: 1-64 of {@code [A-Za-z0-9_-]} (they appear in URLs). */
final class HsmIds {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private HsmIds() {
    }

    static String require(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new HsmRequestException("id must be 1-64 of [A-Za-z0-9_-]: " + id);
        }
        return id;
    }
}
