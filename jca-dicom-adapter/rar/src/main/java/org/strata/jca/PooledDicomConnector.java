package org.strata.jca;

import jakarta.resource.Referenceable;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionManager;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.Serializable;
import java.time.Duration;
import java.util.Optional;
import javax.naming.Reference;
import org.strata.jca.api.AssociationSpec;
import org.strata.jca.api.DicomConnection;
import org.strata.jca.api.DicomConnector;
import org.strata.jca.api.NServiceResponse;
import org.strata.jca.api.OutboundRequest;

/**
 * The connection factory bound at {@link DicomConnector#JNDI_NAME} (JCA 2.1 6.5.1): asks the
 * container's connection manager for a connection, which takes a pooled association or has
 * {@link DicomManagedConnectionFactory} open one. Serializable and Referenceable for JNDI
 * (JCA 2.1 17.5.3).
 */
public class PooledDicomConnector implements DicomConnector, Serializable, Referenceable {

    private static final long serialVersionUID = 1L;

    /** How long a reply waits for the response of the request it follows to go out. */
    static final Duration REPLY_WAIT = Duration.ofSeconds(30);

    private final DicomManagedConnectionFactory mcf;
    private final transient ConnectionManager connectionManager;
    private Reference reference;

    PooledDicomConnector(DicomManagedConnectionFactory mcf, ConnectionManager connectionManager) {
        this.mcf = mcf;
        this.connectionManager = connectionManager;
    }

    @Override
    public DicomConnection connect(AssociationSpec spec) throws IOException {
        try {
            return (DicomConnection) connectionManager.allocateConnection(mcf, new AssociationRequestInfo(spec));
        } catch (ResourceException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof IOException io) {
                    throw io; // the peer's refusal or "connection refused", as the caller reports it
                }
            }
            throw new IOException("no DICOM connection to " + spec.target().calledAeTitle() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<NServiceResponse> sendOnAssociation(String replyHandle, OutboundRequest request)
            throws IOException {
        OpenAssociations associations;
        try {
            associations = mcf.adapter().openAssociations();
        } catch (ResourceException e) {
            throw new IOException(e.getMessage(), e);
        }
        Optional<OpenAssociations.Reply> found = associations.find(replyHandle);
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
        return Optional.of(OutboundInvoker.invoke(reply.channel(), request, OutboundInvoker.RESPONSE_TIMEOUT));
    }

    @Override
    public void setReference(Reference reference) {
        this.reference = reference;
    }

    @Override
    public Reference getReference() {
        return reference;
    }
}
