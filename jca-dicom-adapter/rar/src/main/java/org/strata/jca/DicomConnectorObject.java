package org.strata.jca;

import jakarta.resource.Referenceable;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.ResourceAdapterAssociation;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.Serializable;
import java.time.Duration;
import java.util.Optional;
import javax.naming.Reference;
import org.strata.dicom.net.config.Timeouts;
import org.strata.dicom.net.dimse.DimseClient;
import org.strata.jca.api.DicomConnector;
import org.strata.jca.api.NServiceResponse;
import org.strata.jca.api.OutboundRequest;
import org.strata.jca.api.RemoteTarget;

/**
 * The administered object behind {@link DicomConnector}: outbound DIMSE-N through its resource
 * adapter's open associations and association pool. Referenceable and Serializable as JCA 2.1
 * 13.4.2.3 requires of an associated admin object.
 */
public class DicomConnectorObject implements DicomConnector, ResourceAdapterAssociation, Referenceable, Serializable {

    private static final long serialVersionUID = 1L;

    /** How long a reply waits for the response of the request it follows to go out. */
    static final Duration REPLY_WAIT = Duration.ofSeconds(30);
    static final Duration RESPONSE_TIMEOUT = Timeouts.DEFAULT.response();

    private transient StrataResourceAdapter adapter;
    private Reference reference;

    @Override
    public Optional<NServiceResponse> sendOnAssociation(String replyHandle, OutboundRequest request)
            throws IOException {
        Optional<OpenAssociations.Reply> found = adapter().openAssociations().find(replyHandle);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        OpenAssociations.Reply reply = found.get();
        long deadline = System.nanoTime() + REPLY_WAIT.toNanos();
        while (reply.channel().serving(reply.messageId()) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted waiting to reply on " + replyHandle);
            }
        }
        if (!reply.channel().association().established()) {
            return Optional.empty();
        }
        return Optional.of(OutboundInvoker.invoke(reply.channel(), request, RESPONSE_TIMEOUT));
    }

    @Override
    public NServiceResponse send(RemoteTarget target, OutboundRequest request) throws IOException {
        AssociationPool pool = adapter().associationPool();
        AssociationPool.Key key = new AssociationPool.Key(target, request.sopClassUid());
        DimseClient client = pool.borrow(key);
        try {
            NServiceResponse rsp = OutboundInvoker.invoke(client.channel(), request, RESPONSE_TIMEOUT);
            pool.giveBack(key, client);
            return rsp;
        } catch (IOException | RuntimeException e) {
            client.abort();
            throw e;
        }
    }

    private StrataResourceAdapter adapter() throws IOException {
        StrataResourceAdapter a = adapter;
        if (a == null || !a.isActive()) {
            throw new IOException("DICOM resource adapter is not started");
        }
        return a;
    }

    @Override
    public void setReference(Reference reference) {
        this.reference = reference;
    }

    @Override
    public Reference getReference() {
        return reference;
    }

    @Override
    public ResourceAdapter getResourceAdapter() {
        return adapter;
    }

    @Override
    public void setResourceAdapter(ResourceAdapter resourceAdapter) {
        this.adapter = (StrataResourceAdapter) resourceAdapter;
    }
}
