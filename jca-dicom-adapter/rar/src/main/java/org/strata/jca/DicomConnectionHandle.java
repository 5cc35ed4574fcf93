package org.strata.jca;

import java.io.IOException;
import java.util.List;
import org.strata.jca.api.DicomConnection;
import org.strata.jca.api.NServiceResponse;
import org.strata.jca.api.OutboundRequest;
import org.strata.jca.api.StoreSubOperations;

/**
 * The application's handle on a pooled association (JCA 2.1 6.5.4.2): requests go to its current
 * managed connection; an I/O failure reports it broken; close gives it back to the pool.
 */
public final class DicomConnectionHandle implements DicomConnection {

    private volatile DicomManagedConnection mc;

    DicomConnectionHandle(DicomManagedConnection mc) {
        this.mc = mc;
    }

    private DicomManagedConnection mc() throws IOException {
        DicomManagedConnection m = mc;
        if (m == null) {
            throw new IOException("DICOM connection is closed");
        }
        return m;
    }

    @Override
    public String name() {
        DicomManagedConnection m = mc;
        return m == null ? "closed DICOM connection" : m.client().association().name();
    }

    @Override
    public List<String> accepted(String sopClassUid) {
        DicomManagedConnection m = mc;
        return m == null ? List.of() : ChannelStoreSubOperations.accepted(m.client().channel(), sopClassUid);
    }

    @Override
    public NServiceResponse send(OutboundRequest request) throws IOException {
        DicomManagedConnection m = mc();
        try {
            return OutboundInvoker.invoke(m.client().channel(), request, OutboundInvoker.RESPONSE_TIMEOUT);
        } catch (IOException | RuntimeException e) {
            m.failed(this, e);
            throw e;
        }
    }

    @Override
    public StoreSubOperations storeSubOperations(String moveOriginatorAeTitle, int moveOriginatorMessageId) {
        DicomManagedConnection m = mc;
        if (m == null) {
            throw new IllegalStateException("DICOM connection is closed");
        }
        return new DestinationStoreSubOperations(this, m.client().channel(), moveOriginatorAeTitle,
                moveOriginatorMessageId);
    }

    /** A sub-operation failed with an I/O error: the association is dropped from the pool. */
    void failed(Exception cause) {
        DicomManagedConnection m = mc;
        if (m != null) {
            m.failed(this, cause);
        }
    }

    @Override
    public void close() {
        DicomManagedConnection m = mc;
        mc = null;
        if (m != null) {
            m.closed(this);
        }
    }

    /** The managed connection behind this handle, or null once closed. */
    DicomManagedConnection managedConnection() {
        return mc;
    }

    /** The pool took the association back (cleanup/destroy): this handle is unusable. */
    void invalidate() {
        mc = null;
    }

    void associate(DicomManagedConnection target) {
        DicomManagedConnection former = mc;
        if (former != null) {
            former.detach(this);
        }
        target.adopt(this);
        mc = target;
    }

    @Override
    public String toString() {
        return "DicomConnection[" + name() + "]";
    }
}
