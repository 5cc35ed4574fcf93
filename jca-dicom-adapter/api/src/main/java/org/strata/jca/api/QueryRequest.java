package org.strata.jca.api;

/**
 * The command of a C-FIND request (PS3.7 9.3.2.1).
 *
 * @param sopClassUid the query/retrieve information model (Affected SOP Class UID)
 * @param priority    0 medium, 1 high, 2 low
 * @param relational  whether relational queries were negotiated (PS3.4 C.4.1.3.2)
 */
public record QueryRequest(String sopClassUid, int priority, boolean relational) {
}
