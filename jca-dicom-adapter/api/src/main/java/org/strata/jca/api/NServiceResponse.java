package org.strata.jca.api;

import org.strata.dicom.core.Attributes;

/**
 * The answer to a DIMSE-N request, received or sent (PS3.7 10.3): status, optional data set
 * (attribute list, action or event reply) and the Affected SOP Instance UID (set by an N-CREATE
 * SCP that created the instance's UID itself; null to echo the request's).
 */
public record NServiceResponse(DimseStatus status, Attributes dataSet, String affectedSopInstanceUid) {

    public static final NServiceResponse SUCCESS = new NServiceResponse(DimseStatus.SUCCESS, null, null);

    public static NServiceResponse of(DimseStatus status) {
        return new NServiceResponse(status, null, null);
    }

    public static NServiceResponse of(int status, String comment) {
        return new NServiceResponse(DimseStatus.of(status, comment), null, null);
    }

    public NServiceResponse withDataSet(Attributes attributes) {
        return new NServiceResponse(status, attributes, affectedSopInstanceUid);
    }

    public NServiceResponse withAffectedSopInstanceUid(String uid) {
        return new NServiceResponse(status, dataSet, uid);
    }
}
