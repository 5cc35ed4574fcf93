package org.strata.ejb.query;

import java.util.EnumSet;
import java.util.Set;

/**
 * How the SCP matches one request: per called AE (settings) and per association (extended
 * negotiation, PS3.4 C.5.1.1).
 *
 * @param matching the options in force
 */
public record QueryOptions(Set<Matching> matching) {

    /** The options; each is off unless named. */
    public enum Matching {
        /** Match PN values ignoring case (PS3.4 C.2.2.2.1 leaves it to the SCP; a per-AE setting). */
        CASE_INSENSITIVE_PERSON_NAMES,
        /** Relational queries negotiated (PS3.4 C.4.1.2.2.2): keys below the level are matched too. */
        RELATIONAL,
        /** Combined date-time matching negotiated (PS3.4 C.2.2.2.5.1): a date range and a time range are one. */
        COMBINED_DATE_TIME,
        /**
         * Refuse a hierarchical query without the unique keys of the levels above (PS3.4
         * C.4.1.2.2.1); a per-AE setting, off by default because common SCUs (DCMTK findscu)
         * cannot negotiate relational queries yet send image-level queries by SOP Instance UID.
         */
        STRICT_HIERARCHICAL
    }

    public static final QueryOptions DEFAULT = new QueryOptions(EnumSet.noneOf(Matching.class));

    public QueryOptions {
        matching = matching.isEmpty() ? EnumSet.noneOf(Matching.class) : EnumSet.copyOf(matching);
    }

    public static QueryOptions of(Matching... options) {
        return new QueryOptions(options.length == 0 ? EnumSet.noneOf(Matching.class) : EnumSet.of(options[0], options));
    }

    public boolean has(Matching option) {
        return matching.contains(option);
    }

    public boolean caseInsensitivePersonNames() {
        return has(Matching.CASE_INSENSITIVE_PERSON_NAMES);
    }
}
