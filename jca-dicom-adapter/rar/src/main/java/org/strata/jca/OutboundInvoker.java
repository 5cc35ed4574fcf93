package org.strata.jca;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.strata.dicom.net.config.Timeouts;
import org.strata.dicom.net.dimse.CommandElement;
import org.strata.dicom.net.dimse.CommandField;
import org.strata.dicom.net.dimse.DimseChannel;
import org.strata.dicom.net.dimse.DimseClient;
import org.strata.dicom.net.dimse.DimseRsp;
import org.strata.dicom.net.dimse.NRequest;
import org.strata.dicom.net.dimse.ResponseListener;
import org.strata.jca.api.DimseStatus;
import org.strata.jca.api.NServiceResponse;
import org.strata.jca.api.OutboundRequest;

/** Sends one DIMSE-N request on a channel and waits for its response (PS3.7 10.1). */
final class OutboundInvoker {

    static final Duration RESPONSE_TIMEOUT = Timeouts.DEFAULT.response();

    private OutboundInvoker() {
    }

    static NServiceResponse invoke(DimseChannel channel, OutboundRequest request, Duration timeout)
            throws IOException {
        int pc = channel.presentationContext(request.sopClassUid(), null);
        String ts = channel.transferSyntax(pc);
        NRequest n = new NRequest(CommandField.of(request.operation().requestCode()), null, request.sopClassUid(),
                request.sopInstanceUid(), ts, request.typeId(), null);
        String name = channel.association().name();
        try {
            DimseRsp rsp = channel.invoke(pc, DimseClient.nCommand(n), DataSets.encode(request.dataSet(), ts),
                    ResponseListener.IGNORE).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return new NServiceResponse(DimseStatus.of(rsp.status(), rsp.errorComment()),
                    DataSets.decode(rsp.dataSet(), rsp.transferSyntax()),
                    rsp.command().getString(CommandElement.AffectedSOPInstanceUID));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException(name + ": interrupted during " + request.operation());
        } catch (ExecutionException e) {
            throw new IOException(name + ": " + request.operation() + " failed: " + e.getCause().getMessage(), e);
        } catch (TimeoutException e) {
            channel.association().abort();
            throw new IOException(name + ": no " + request.operation() + " response within " + timeout);
        }
    }
}
