package org.strata.ejb.store;

/** The received data set cannot be stored as it is; the message becomes the Error Comment. */
public class InvalidInstanceException extends Exception {

    private static final long serialVersionUID = 1L;

    public InvalidInstanceException(String message) {
        super(message);
    }
}
