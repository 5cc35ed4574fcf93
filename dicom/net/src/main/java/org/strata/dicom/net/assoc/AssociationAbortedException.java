package org.strata.dicom.net.assoc;

import java.io.IOException;

/** The association was aborted (A-ABORT or A-P-ABORT, PS3.8 7.3 and 7.4) or its connection closed. */
public class AssociationAbortedException extends IOException {

    private static final long serialVersionUID = 1L;

    public AssociationAbortedException(String message) {
        super(message);
    }
}
