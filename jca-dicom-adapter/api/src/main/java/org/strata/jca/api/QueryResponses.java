package org.strata.jca.api;

import org.strata.dicom.core.Attributes;

/**
 * Where a C-FIND SCP sends its matches, each as one pending response (PS3.4 C.4.1.1.4), as they
 * are found: nothing is collected in memory.
 */
public interface QueryResponses {

    /**
     * Sends one match as a pending response.
     *
     * @return false when the requestor cancelled (C-CANCEL): stop searching
     */
    boolean send(Attributes match);

    /** True once the requestor sent C-CANCEL. */
    boolean cancelled();
}
