package org.strata.jca.api;

import java.util.List;

/**
 * The command of a received DIMSE-N request (PS3.7 10.3).
 *
 * @param operation            N-CREATE, N-SET, N-GET, N-ACTION, N-DELETE or N-EVENT-REPORT
 * @param sopClassUid          Affected (N-CREATE, N-EVENT-REPORT) or Requested SOP Class UID
 * @param sopInstanceUid       Affected or Requested SOP Instance UID; null when an N-CREATE leaves
 *                             it to the SCP (PS3.7 10.1.5.1.2)
 * @param typeId               Action Type ID (N-ACTION) or Event Type ID (N-EVENT-REPORT); else 0
 * @param attributeIdentifiers N-GET Attribute Identifier List (tags); empty = all attributes
 * @param messageId            the request's Message ID
 * @param replyHandle          opaque token naming this association and request: pass it to
 *                             {@link DicomConnector#sendOnAssociation} to send a request back on the
 *                             same association while it is open (e.g. PS3.4 J.3.3 N-EVENT-REPORT)
 */
public record NServiceRequest(NOperation operation, String sopClassUid, String sopInstanceUid, int typeId,
                              List<Integer> attributeIdentifiers, int messageId, String replyHandle) {

    public NServiceRequest {
        attributeIdentifiers = attributeIdentifiers == null ? List.of() : List.copyOf(attributeIdentifiers);
    }
}
