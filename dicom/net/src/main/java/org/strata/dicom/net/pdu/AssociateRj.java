package org.strata.dicom.net.pdu;

/** A-ASSOCIATE-RJ PDU, PS3.8 9.3.4. */
public record AssociateRj(RejectResult result, RejectReason reason) implements Pdu {

    @Override
    public PduType type() {
        return PduType.A_ASSOCIATE_RJ;
    }

    @Override
    public String toString() {
        return "A-ASSOCIATE-RJ[" + result + ", source " + reason.source() + ", " + reason + "]";
    }
}
