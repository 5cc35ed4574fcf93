package org.strata.jca.api;

/**
 * The command of a C-STORE request (PS3.7 9.3.1.1) and the negotiated transfer syntax of its
 * data set.
 *
 * @param sopClassUid        Affected SOP Class UID
 * @param sopInstanceUid     Affected SOP Instance UID
 * @param transferSyntaxUid  transfer syntax of the presentation context the data set came on
 * @param priority           0 medium, 1 high, 2 low
 * @param moveOriginatorAeTitle AE title of the C-MOVE originator, or null
 * @param moveOriginatorMessageId message id of that C-MOVE, or 0
 */
public record StoreRequest(String sopClassUid, String sopInstanceUid, String transferSyntaxUid, int priority,
                           String moveOriginatorAeTitle, int moveOriginatorMessageId) {
}
