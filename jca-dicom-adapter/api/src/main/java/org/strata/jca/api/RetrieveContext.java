package org.strata.jca.api;

/**
 * What the adapter offers a C-MOVE/C-GET in progress. The C-STORE sub-operations of a C-MOVE
 * go over a connection of {@link DicomConnector}.
 */
public interface RetrieveContext {

    /** C-GET: the requestor's association, on which it accepted the SCP role for storage. */
    StoreSubOperations requestor();

    /** Sends a pending response with the sub-operation counts; false once the requestor cancelled. */
    boolean pending(int remaining, int completed, int failed, int warning);

    boolean cancelled();
}
