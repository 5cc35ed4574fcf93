package org.strata.jca.api;

import java.io.IOException;
import java.util.Map;
import java.util.Set;

/** What the adapter offers a C-MOVE/C-GET in progress. */
public interface RetrieveContext {

    /**
     * C-MOVE: opens an association to the destination proposing, for each SOP class, the given
     * transfer syntaxes (the adapter adds Explicit and Implicit VR Little Endian).
     */
    StoreSubOperations openDestination(String aeTitle, String host, int port, Map<String, Set<String>> sopClasses)
            throws IOException;

    /** C-GET: the requestor's association, on which it accepted the SCP role for storage. */
    StoreSubOperations requestor();

    /** Sends a pending response with the sub-operation counts; false once the requestor cancelled. */
    boolean pending(int remaining, int completed, int failed, int warning);

    boolean cancelled();
}
