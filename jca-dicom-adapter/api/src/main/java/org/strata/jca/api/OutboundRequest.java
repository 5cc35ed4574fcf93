package org.strata.jca.api;

import org.strata.dicom.core.Attributes;

/**
 * A DIMSE-N request the archive sends (PS3.7 10.3): N-EVENT-REPORT of a storage commitment
 * result, N-CREATE/N-SET of a forwarded MPPS or an IAN.
 *
 * @param operation      the operation
 * @param sopClassUid    Affected or Requested SOP Class UID
 * @param sopInstanceUid Affected or Requested SOP Instance UID
 * @param typeId         Event Type ID or Action Type ID; else 0
 * @param dataSet        the event/action information or attribute list; may be null
 */
public record OutboundRequest(NOperation operation, String sopClassUid, String sopInstanceUid, int typeId,
                              Attributes dataSet) {

    public static OutboundRequest eventReport(String sopClassUid, String sopInstanceUid, int eventTypeId,
                                              Attributes eventInformation) {
        return new OutboundRequest(NOperation.N_EVENT_REPORT, sopClassUid, sopInstanceUid, eventTypeId,
                eventInformation);
    }

    public static OutboundRequest create(String sopClassUid, String sopInstanceUid, Attributes attributes) {
        return new OutboundRequest(NOperation.N_CREATE, sopClassUid, sopInstanceUid, 0, attributes);
    }

    public static OutboundRequest set(String sopClassUid, String sopInstanceUid, Attributes modifications) {
        return new OutboundRequest(NOperation.N_SET, sopClassUid, sopInstanceUid, 0, modifications);
    }
}
