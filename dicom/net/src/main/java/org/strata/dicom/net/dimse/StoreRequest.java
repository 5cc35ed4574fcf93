package org.strata.dicom.net.dimse;

/**
 * The command parameters of a C-STORE-RQ (PS3.7 9.1.1.1). The move originator is set for C-STORE
 * sub-operations of a C-MOVE (PS3.7 9.3.1.1), otherwise {@code null}.
 */
public record StoreRequest(String sopClassUid, String sopInstanceUid, String transferSyntax, Priority priority,
        String moveOriginatorAeTitle, int moveOriginatorMessageId) {

    public static StoreRequest of(String sopClassUid, String sopInstanceUid, String transferSyntax) {
        return new StoreRequest(sopClassUid, sopInstanceUid, transferSyntax, Priority.MEDIUM, null, 0);
    }

    public StoreRequest withMoveOriginator(String aeTitle, int messageId) {
        return new StoreRequest(sopClassUid, sopInstanceUid, transferSyntax, priority, aeTitle, messageId);
    }
}
