package org.strata.dicom.net.dimse;

import java.io.IOException;

/** A received DIMSE message cannot be parsed (PS3.7 6.3): the association is aborted. */
public class DimseFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    public DimseFormatException(String message) {
        super(message);
    }
}
