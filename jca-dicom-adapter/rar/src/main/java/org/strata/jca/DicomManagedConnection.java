package org.strata.jca;

import jakarta.resource.NotSupportedException;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionEvent;
import jakarta.resource.spi.ConnectionEventListener;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.LocalTransaction;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.ManagedConnectionMetaData;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Logger;
import javax.security.auth.Subject;
import javax.transaction.xa.XAResource;
import org.strata.dicom.net.dimse.DimseClient;
import org.strata.jca.api.AssociationSpec;

/**
 * One outbound DICOM association (JCA 2.1 6.5.4): handles borrow it, {@link #cleanup} detaches
 * them when it goes back to the pool, {@link #destroy} releases it (A-RELEASE, PS3.8 7.2). An I/O
 * failure of a handle aborts the association and reports CONNECTION_ERROR_OCCURRED so that the
 * pool drops it. No transactions (NoTransaction).
 */
final class DicomManagedConnection implements ManagedConnection {

    private static final Logger LOG = Logger.getLogger(DicomManagedConnection.class.getName());

    private final AssociationSpec spec;
    private final DimseClient client;
    private final List<ConnectionEventListener> listeners = new CopyOnWriteArrayList<>();
    private final Set<DicomConnectionHandle> handles = ConcurrentHashMap.newKeySet();
    private PrintWriter logWriter;

    DicomManagedConnection(AssociationSpec spec, DimseClient client) {
        this.spec = spec;
        this.client = client;
        LOG.fine(() -> client.association().name() + ": opened for the pool");
    }

    /** True while the association is established and proposed every context of {@code request}. */
    boolean serves(AssociationSpec request) {
        return client.association().established() && request.servedBy(spec);
    }

    DimseClient client() {
        return client;
    }

    @Override
    public Object getConnection(Subject subject, ConnectionRequestInfo cri) {
        DicomConnectionHandle handle = new DicomConnectionHandle(this);
        handles.add(handle);
        return handle;
    }

    @Override
    public void associateConnection(Object connection) throws ResourceException {
        if (!(connection instanceof DicomConnectionHandle handle)) {
            throw new NotSupportedException("not a DICOM connection: " + connection);
        }
        handle.associate(this);
    }

    /** Moves {@code handle} here from its former managed connection (connection sharing). */
    void adopt(DicomConnectionHandle handle) {
        handles.add(handle);
    }

    void detach(DicomConnectionHandle handle) {
        handles.remove(handle);
    }

    /** The application closed a handle: the pool may hand the association out again. */
    void closed(DicomConnectionHandle handle) {
        handles.remove(handle);
        ConnectionEvent event = new ConnectionEvent(this, ConnectionEvent.CONNECTION_CLOSED);
        event.setConnectionHandle(handle);
        listeners.forEach(l -> l.connectionClosed(event));
    }

    /** A request failed on the association: abort it and let the pool destroy this connection. */
    void failed(DicomConnectionHandle handle, Exception cause) {
        LOG.info(() -> client.association().name() + ": dropped from the pool after " + cause.getMessage());
        client.abort();
        ConnectionEvent event = new ConnectionEvent(this, ConnectionEvent.CONNECTION_ERROR_OCCURRED, cause);
        event.setConnectionHandle(handle);
        listeners.forEach(l -> l.connectionErrorOccurred(event));
    }

    @Override
    public void cleanup() {
        handles.forEach(DicomConnectionHandle::invalidate);
        handles.clear();
    }

    @Override
    public void destroy() {
        cleanup();
        try {
            client.close(); // A-RELEASE when still established, else makes sure the socket is closed
            LOG.fine(() -> client.association().name() + ": released by the pool");
        } catch (IOException e) {
            LOG.fine(() -> client.association().name() + ": release failed: " + e.getMessage());
            client.abort();
        }
    }

    @Override
    public void addConnectionEventListener(ConnectionEventListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeConnectionEventListener(ConnectionEventListener listener) {
        listeners.remove(listener);
    }

    @Override
    public XAResource getXAResource() throws ResourceException {
        throw new NotSupportedException("DICOM associations are not transactional");
    }

    @Override
    public LocalTransaction getLocalTransaction() throws ResourceException {
        throw new NotSupportedException("DICOM associations are not transactional");
    }

    @Override
    public ManagedConnectionMetaData getMetaData() {
        return new ManagedConnectionMetaData() {
            @Override
            public String getEISProductName() {
                return "DICOM AE " + spec.target().calledAeTitle();
            }

            @Override
            public String getEISProductVersion() {
                return client.association().accept().userInformation().implementationVersionName();
            }

            @Override
            public int getMaxConnections() {
                return 0; // unknown: the peer decides how many associations it accepts
            }

            @Override
            public String getUserName() {
                return spec.target().callingAeTitle();
            }
        };
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        this.logWriter = out;
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }

    @Override
    public String toString() {
        return "DicomManagedConnection[" + client.association().name() + "]";
    }
}
