package org.strata.dicom.net.dimse;

/** Receives the pending responses of a C-FIND/C-MOVE/C-GET (SCU side), on the association's reader thread. */
@FunctionalInterface
public interface ResponseListener {

    ResponseListener IGNORE = rsp -> { };

    void onPending(DimseRsp response);
}
