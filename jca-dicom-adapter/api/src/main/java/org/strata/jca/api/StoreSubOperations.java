package org.strata.jca.api;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * C-STORE sub-operations of a retrieve, on one association: to the move destination (C-MOVE)
 * or back to the requestor (C-GET).
 */
public interface StoreSubOperations extends AutoCloseable {

    /** Writes a data set (without file meta information) in the transfer syntax given to store. */
    @FunctionalInterface
    interface DataSet {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Transfer syntaxes the peer accepted for a SOP class, in the peer's order; empty when none. */
    List<String> accepted(String sopClassUid);

    /** Sends one C-STORE and returns the peer's status. */
    DimseStatus store(String sopClassUid, String sopInstanceUid, String transferSyntaxUid, DataSet dataSet)
            throws IOException;

    /** Releases the association (a no-op for the requestor's own association of a C-GET). */
    @Override
    void close() throws IOException;
}
