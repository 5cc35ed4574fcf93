package org.strata.dicom.net.pdu;

/** A-RELEASE-RP PDU, PS3.8 9.3.7. */
public record ReleaseRp() implements Pdu {

    @Override
    public PduType type() {
        return PduType.A_RELEASE_RP;
    }
}
