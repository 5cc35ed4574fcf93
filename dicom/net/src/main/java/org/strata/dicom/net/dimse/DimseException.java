package org.strata.dicom.net.dimse;

/** Thrown by a service handler to answer with a failure status (and error comment, PS3.7 C.4). */
public class DimseException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int status;

    public DimseException(int status, String errorComment) {
        super(errorComment);
        this.status = status;
    }

    public DimseException(int status, String errorComment, Throwable cause) {
        super(errorComment, cause);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
