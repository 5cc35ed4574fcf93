package org.strata.dicom.net.dimse;

/**
 * The command parameters of an N- service request (PS3.7 10.3).
 *
 * @param abstractSyntax the presentation context's abstract syntax when it differs from the SOP
 *                       class (e.g. a Meta SOP class); {@code null} = the SOP class
 * @param typeId         Event Type ID (N-EVENT-REPORT) or Action Type ID (N-ACTION); else 0
 * @param attributeIdentifiers N-GET attribute list, {@code null} = all attributes
 */
public record NRequest(CommandField commandField, String abstractSyntax, String sopClassUid, String sopInstanceUid,
        String transferSyntax, int typeId, int[] attributeIdentifiers) {

    public static NRequest of(CommandField field, String sopClassUid, String sopInstanceUid) {
        return new NRequest(field, null, sopClassUid, sopInstanceUid, null, 0, null);
    }

    public NRequest withTypeId(int id) {
        return new NRequest(commandField, abstractSyntax, sopClassUid, sopInstanceUid, transferSyntax, id,
                attributeIdentifiers);
    }
}
