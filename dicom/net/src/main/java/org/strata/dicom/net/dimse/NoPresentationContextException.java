package org.strata.dicom.net.dimse;

import java.io.IOException;

/** No accepted presentation context fits the SOP class (and transfer syntax) of a request. */
public class NoPresentationContextException extends IOException {

    private static final long serialVersionUID = 1L;

    public NoPresentationContextException(String message) {
        super(message);
    }
}
