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

    /**
     * C-MOVE with transcoding: as {@link #openDestination(String, String, int, Map)}, plus for each
     * SOP class a second presentation context proposing {@code alternatives} (syntaxes the archive
     * can convert to), so that a destination refusing the stored and uncompressed syntaxes can
     * still accept one; empty {@code alternatives} propose nothing more.
     */
    StoreSubOperations openDestination(String aeTitle, String host, int port, Map<String, Set<String>> sopClasses,
                                       Set<String> alternatives) throws IOException;

    /** C-GET: the requestor's association, on which it accepted the SCP role for storage. */
    StoreSubOperations requestor();

    /** Sends a pending response with the sub-operation counts; false once the requestor cancelled. */
    boolean pending(int remaining, int completed, int failed, int warning);

    boolean cancelled();
}
