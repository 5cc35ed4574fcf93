package org.strata.dicom.net.pdu;

import java.io.IOException;

/** A received PDU violates PS3.8 9.3; the reason is the one to send in the A-ABORT. */
public class PduFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    private final AbortReason reason;

    public PduFormatException(AbortReason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public AbortReason reason() {
        return reason;
    }
}
