package org.strata.dicom.net.pdu;

/** A-RELEASE-RQ PDU, PS3.8 9.3.6. */
public record ReleaseRq() implements Pdu {

    @Override
    public PduType type() {
        return PduType.A_RELEASE_RQ;
    }
}
