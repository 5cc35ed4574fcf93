package org.strata.media;

import jakarta.ejb.ApplicationException;

/** A media request that cannot be accepted as given; the message says why. */
@ApplicationException(rollback = true)
public class MediaRequestRefused extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public MediaRequestRefused(String message) {
        super(message);
    }
}
