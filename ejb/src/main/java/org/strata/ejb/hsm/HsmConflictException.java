package org.strata.ejb.hsm;

import jakarta.ejb.ApplicationException;

/** A change refused in the current state (e.g. deleting a tier that holds the only copy): a 409. */
@ApplicationException(rollback = true)
public class HsmConflictException extends RuntimeException {

    public HsmConflictException(String message) {
        super(message);
    }
}
