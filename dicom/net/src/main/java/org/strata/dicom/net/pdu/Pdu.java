package org.strata.dicom.net.pdu;

/** One protocol data unit of the DICOM upper layer (PS3.8 9.3). */
public sealed interface Pdu permits AssociateRq, AssociateAc, AssociateRj, PDataTf, ReleaseRq, ReleaseRp, Abort {

    /** The PDU-type byte (PS3.8 9.3.1). */
    PduType type();
}
