package org.strata.dicom.net.dimse;

import java.io.IOException;

/**
 * The SCP side of one or more SOP classes: handles a request and returns (or throws, as
 * {@link DimseException}) the final status. Pending responses of C-FIND/C-MOVE/C-GET are sent with
 * {@link DimseRequestContext#sendPending}; a C-CANCEL shows as {@link DimseRequestContext#cancelled()}.
 * C-STORE data arrives as {@link DimseRequestContext#dataSet()}, a stream.
 */
@FunctionalInterface
public interface DimseService {

    DimseResponse handle(DimseRequestContext request) throws DimseException, IOException;

    /** Verification SOP class (PS3.4 A): C-ECHO answers success. */
    DimseService ECHO = rq -> {
        if (rq.commandField() != CommandField.C_ECHO_RQ) {
            throw new DimseException(Status.UNRECOGNIZED_OPERATION, rq.commandField() + " on Verification");
        }
        return DimseResponse.SUCCESS;
    };
}
