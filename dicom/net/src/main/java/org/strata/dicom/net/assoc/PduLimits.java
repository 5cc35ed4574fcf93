package org.strata.dicom.net.assoc;

import org.strata.dicom.net.pdu.AssociateAc;
import org.strata.dicom.net.pdu.AssociateRq;

/**
 * The P-DATA-TF sizes an association works with, from the maximum lengths both sides announced
 * (PS3.8 D.1; 0 = unlimited).
 *
 * @param sendChunk    largest PDV data we send: the peer's maximum less the 6 bytes of PDV header
 * @param receiveLimit largest P-DATA-TF variable field we accept
 */
record PduLimits(int sendChunk, long receiveLimit) {

    /** Our send limit when the peer announces "unlimited". */
    static final int UNLIMITED_SEND_LENGTH = 1 << 20;
    /** Our receive ceiling when we announce "unlimited": a corrupt length cannot allocate more. */
    static final long UNLIMITED_RECEIVE_LENGTH = 64L << 20;

    static PduLimits of(AssociateRq rq, AssociateAc ac, boolean requestor) {
        long peerMax = requestor ? ac.userInformation().maxPduLength() : rq.userInformation().maxPduLength();
        long ownMax = requestor ? rq.userInformation().maxPduLength() : ac.userInformation().maxPduLength();
        int chunk = (int) (peerMax == 0 ? UNLIMITED_SEND_LENGTH - 6 : Math.min(UNLIMITED_SEND_LENGTH, peerMax) - 6);
        if (chunk < 1) {
            throw new IllegalArgumentException("peer maximum PDU length " + peerMax + " too small");
        }
        return new PduLimits(chunk, receiveLimit(ownMax));
    }

    static long receiveLimit(long ownMax) {
        return ownMax == 0 ? UNLIMITED_RECEIVE_LENGTH : ownMax;
    }
}
