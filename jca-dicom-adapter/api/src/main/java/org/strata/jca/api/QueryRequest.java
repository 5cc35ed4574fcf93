package org.strata.jca.api;

import java.util.EnumSet;
import java.util.Set;

/**
 * The command of a C-FIND request (PS3.7 9.3.2.1).
 *
 * @param sopClassUid the query/retrieve information model (Affected SOP Class UID)
 * @param priority    0 medium, 1 high, 2 low
 * @param negotiated  what SOP Class Extended Negotiation accepted on the association (PS3.4 C.5.1.1)
 */
public record QueryRequest(String sopClassUid, int priority, Set<Extension> negotiated) {

    /** The C-FIND extended behaviours an SCP can accept (PS3.4 Table C.5-1, C.5-2). */
    public enum Extension {
        /** Relational queries (byte 1). */
        RELATIONAL,
        /** Combined date and time range matching (byte 2). */
        COMBINED_DATE_TIME
    }

    public QueryRequest {
        negotiated = negotiated.isEmpty() ? EnumSet.noneOf(Extension.class) : EnumSet.copyOf(negotiated);
    }

    /** Whether relational queries were negotiated (PS3.4 C.4.1.2.2.2). */
    public boolean relational() {
        return negotiated.contains(Extension.RELATIONAL);
    }
}
