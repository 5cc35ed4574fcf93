package org.strata.jca;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.strata.dicom.net.NetRuntime;
import org.strata.dicom.net.config.RemoteAe;
import org.strata.dicom.net.config.Timeouts;
import org.strata.dicom.net.dimse.AssociateRqBuilder;
import org.strata.dicom.net.dimse.Command;
import org.strata.dicom.net.dimse.CommandElement;
import org.strata.dicom.net.dimse.DimseClient;
import org.strata.dicom.net.dimse.DimseRequestContext;
import org.strata.dicom.net.dimse.DimseServiceRegistry;
import org.strata.dicom.net.dimse.Status;
import org.strata.jca.api.RetrieveContext;
import org.strata.jca.api.RetrieveRequest;
import org.strata.jca.api.StoreSubOperations;

/** The adapter's side of a C-MOVE/C-GET: outbound associations and pending responses. */
final class AdapterRetrieveContext implements RetrieveContext {

    private final DimseRequestContext rq;
    private final RetrieveRequest request;
    private final NetRuntime runtime;

    AdapterRetrieveContext(DimseRequestContext rq, RetrieveRequest request, NetRuntime runtime) {
        this.rq = rq;
        this.request = request;
        this.runtime = runtime;
    }

    @Override
    public StoreSubOperations openDestination(String aeTitle, String host, int port,
                                              Map<String, Set<String>> sopClasses) throws IOException {
        return openDestination(aeTitle, host, port, sopClasses, Set.of());
    }

    /** PS3.8 9.3.2.2: at most 128 presentation contexts; alternatives only while two per SOP class fit. */
    @Override
    public StoreSubOperations openDestination(String aeTitle, String host, int port,
                                              Map<String, Set<String>> sopClasses, Set<String> alternatives)
            throws IOException {
        boolean alternativesFit = !alternatives.isEmpty() && 2 * sopClasses.size() <= 128;
        String ourAeTitle = rq.association().request().calledAeTitle();
        AssociateRqBuilder b = new AssociateRqBuilder(ourAeTitle, aeTitle);
        sopClasses.forEach((sopClass, syntaxes) -> {
            Set<String> ts = new LinkedHashSet<>(syntaxes);
            ts.add(AssociateRqBuilder.EXPLICIT_VR_LE);
            ts.add(AssociateRqBuilder.IMPLICIT_VR_LE);
            b.addContext(sopClass, ts.toArray(String[]::new));
            if (alternativesFit) {
                b.addContext(sopClass, alternatives.toArray(String[]::new));
            }
        });
        DimseClient client = DimseClient.open(runtime, new RemoteAe(aeTitle, host, port), b.build(),
                Timeouts.DEFAULT, null, DimseServiceRegistry.withEcho());
        return new DestinationStoreSubOperations(client, rq.association().request().callingAeTitle(),
                request.messageId());
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
