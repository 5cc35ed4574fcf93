package org.strata.ejb.hsm;

import jakarta.ejb.ApplicationException;

/** A request the HSM cannot accept as given (bad tier URI, unknown tier): a 400 for the REST API. */
@ApplicationException(rollback = true)
public class HsmRequestException extends IllegalArgumentException {

    public HsmRequestException(String message) {
        super(message);
    }

    public HsmRequestException(String message, Throwable cause) {
        super(message, cause);
    }
}
