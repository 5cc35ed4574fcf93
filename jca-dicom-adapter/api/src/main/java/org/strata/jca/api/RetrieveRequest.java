package org.strata.jca.api;

/**
 * The command of a C-MOVE (PS3.7 9.3.4.1) or C-GET (PS3.7 9.3.3.1) request.
 *
 * @param sopClassUid     the query/retrieve information model (Affected SOP Class UID)
 * @param messageId       the request's Message ID (becomes Move Originator Message ID)
 * @param priority        0 medium, 1 high, 2 low
 * @param moveDestination the Move Destination AE title, or null for a C-GET
 */
public record RetrieveRequest(String sopClassUid, int messageId, int priority, String moveDestination) {

    public boolean isMove() {
        return moveDestination != null;
    }
}
