package org.strata.dicom.net.assoc;

import java.io.IOException;
import org.strata.dicom.net.pdu.PDataTf;

/**
 * The indications the upper layer (DIMSE) receives from an {@link Association}. All are called on the
 * association's reader thread; {@link #onPData} may block, which stops reading (TCP back-pressure).
 */
public interface UpperLayerUser {

    /** P-DATA indication (PS3.8 9.2 DT-2, AR-6). */
    void onPData(Association association, PDataTf pdu) throws IOException;

    /**
     * A-RELEASE indication (AR-2, AR-8). Return when the A-RELEASE-RP may be sent, i.e. when
     * operations in progress have sent their responses.
     */
    default void onReleaseIndication(Association association) {
    }

    /** The association is gone (released, aborted, or the connection closed). */
    default void onClose(Association association) {
    }
}
