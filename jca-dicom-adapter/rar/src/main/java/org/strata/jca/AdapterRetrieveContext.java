package org.strata.jca;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.strata.dicom.net.dimse.Command;
import org.strata.dicom.net.dimse.CommandElement;
import org.strata.dicom.net.dimse.DimseRequestContext;
import org.strata.dicom.net.dimse.Status;
import org.strata.jca.api.RetrieveContext;
import org.strata.jca.api.StoreSubOperations;

/** The adapter's side of a C-MOVE/C-GET: the C-GET requestor's association and pending responses. */
final class AdapterRetrieveContext implements RetrieveContext {

    private final DimseRequestContext rq;

    AdapterRetrieveContext(DimseRequestContext rq) {
        this.rq = rq;
    }

    @Override
    public StoreSubOperations requestor() {
        return new ChannelStoreSubOperations(rq.channel(), null, 0);
    }

    @Override
    public boolean pending(int remaining, int completed, int failed, int warning) {
        if (rq.cancelled()) {
            return false;
        }
        try {
            rq.sendPending(Status.PENDING, counts(completed, failed, warning)
                    .set(CommandElement.NumberOfRemainingSuboperations, remaining), null);
        } catch (IOException e) {
            throw new UncheckedIOException(rq.association().name() + ": cannot send pending response", e);
        }
        return !rq.cancelled();
    }

    @Override
    public boolean cancelled() {
        return rq.cancelled();
    }

    static Command counts(int completed, int failed, int warning) {
        return new Command().set(CommandElement.NumberOfCompletedSuboperations, completed)
                .set(CommandElement.NumberOfFailedSuboperations, failed)
                .set(CommandElement.NumberOfWarningSuboperations, warning);
    }
}
