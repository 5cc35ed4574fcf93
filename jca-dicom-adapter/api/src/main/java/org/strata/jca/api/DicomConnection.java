package org.strata.jca.api;

import java.io.IOException;
import java.util.List;

/**
 * A connection handle from {@link DicomConnector#connect}: requests on one association to a
 * remote AE. Close it after use (try-with-resources); the association goes back to the pool.
 * After an I/O failure the association is dropped from the pool.
 */
public interface DicomConnection extends AutoCloseable {

    /** The association this handle sends on, e.g. {@code STRATA->STORESCP(12)}, for log lines. */
    String name();

    /** Transfer syntaxes the peer accepted for a SOP class, in proposal order; empty when none. */
    List<String> accepted(String sopClassUid);

    /** Sends a DIMSE-N request and waits for its response (PS3.7 10.1). */
    NServiceResponse send(OutboundRequest request) throws IOException;

    /**
     * C-STORE sub-operations of a C-MOVE on this association (PS3.7 9.1.1.1): each carries the
     * move originator; closing them closes this handle.
     */
    StoreSubOperations storeSubOperations(String moveOriginatorAeTitle, int moveOriginatorMessageId);

    /** Returns the association to the pool; the handle is unusable afterwards. */
    @Override
    void close();
}
