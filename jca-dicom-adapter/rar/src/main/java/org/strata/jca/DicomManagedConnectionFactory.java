package org.strata.jca;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionManager;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.ManagedConnectionFactory;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.ResourceAdapterAssociation;
import jakarta.resource.spi.ResourceAdapterInternalException;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Set;
import javax.security.auth.Subject;
import org.strata.jca.api.AssociationSpec;

/**
 * Outbound contract of the adapter (Jakarta Connectors 2.1 6.5.3): a managed connection is one
 * DICOM association to a remote AE with the presentation contexts it proposed; a pooled one is
 * matched when it is still established and proposed every context a request needs.
 */
public class DicomManagedConnectionFactory implements ManagedConnectionFactory, ResourceAdapterAssociation {

    private static final long serialVersionUID = 1L;

    private transient StrataResourceAdapter adapter;
    private transient PrintWriter logWriter;

    @Override
    public Object createConnectionFactory(ConnectionManager cm) {
        return new PooledDicomConnector(this, cm);
    }

    /** Outside a container (JCA 2.1 6.5.3.1): every connection opens and releases its own association. */
    @Override
    public Object createConnectionFactory() {
        return new PooledDicomConnector(this, new UnpooledConnectionManager());
    }

    @Override
    public ManagedConnection createManagedConnection(Subject subject, ConnectionRequestInfo cri)
            throws ResourceException {
        AssociationSpec spec = spec(cri);
        try {
            return new DicomManagedConnection(spec, AssociationOpener.open(adapter().runtime(), spec));
        } catch (IOException e) {
            throw new ResourceException(e.getMessage(), e);
        }
    }

    @Override
    @SuppressWarnings("rawtypes")
    public ManagedConnection matchManagedConnections(Set candidates, Subject subject, ConnectionRequestInfo cri)
            throws ResourceException {
        AssociationSpec spec = spec(cri);
        for (Object candidate : candidates) {
            if (candidate instanceof DicomManagedConnection mc && mc.serves(spec)) {
                return mc;
            }
        }
        return null; // the pool destroys a candidate that matches nothing, e.g. a broken association
    }

    private static AssociationSpec spec(ConnectionRequestInfo cri) throws ResourceException {
        if (cri instanceof AssociationRequestInfo info) {
            return info.spec();
        }
        throw new jakarta.resource.NotSupportedException("a DICOM connection needs an AssociationSpec, not " + cri);
    }

    StrataResourceAdapter adapter() throws ResourceException {
        StrataResourceAdapter a = adapter;
        if (a == null || !a.isActive()) {
            throw new ResourceAdapterInternalException("DICOM resource adapter is not started");
        }
        return a;
    }

    @Override
    public ResourceAdapter getResourceAdapter() {
        return adapter;
    }

    @Override
    public void setResourceAdapter(ResourceAdapter resourceAdapter) {
        this.adapter = (StrataResourceAdapter) resourceAdapter;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        this.logWriter = out;
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }

    // A JavaBean without configuration properties: every instance configures the same connections.
    @Override
    public boolean equals(Object other) {
        return other instanceof DicomManagedConnectionFactory;
    }

    @Override
    public int hashCode() {
        return DicomManagedConnectionFactory.class.hashCode();
    }
}
