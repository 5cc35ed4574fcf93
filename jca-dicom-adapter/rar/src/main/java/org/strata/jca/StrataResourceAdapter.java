package org.strata.jca;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.BootstrapContext;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.ResourceAdapterInternalException;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import jakarta.resource.spi.work.WorkManager;
import java.time.Instant;
import java.util.logging.Logger;
import javax.transaction.xa.XAResource;

/**
 * The DICOM resource adapter (Jakarta Connectors 2.1). It keeps the container's
 * {@link BootstrapContext}; DICOM listeners are opened per message-endpoint activation.
 */
public class StrataResourceAdapter implements ResourceAdapter {

    private static final Logger LOG = Logger.getLogger(StrataResourceAdapter.class.getName());

    private volatile BootstrapContext bootstrapContext;
    private volatile Instant startedAt;

    @Override
    public void start(BootstrapContext context) throws ResourceAdapterInternalException {
        this.bootstrapContext = context;
        this.startedAt = Instant.now();
        LOG.info("Strata DICOM resource adapter started");
    }

    @Override
    public void stop() {
        bootstrapContext = null;
        LOG.info("Strata DICOM resource adapter stopped");
    }

    /** True between {@link #start} and {@link #stop}. */
    public boolean isActive() {
        return bootstrapContext != null;
    }

    /** When {@link #start} last ran, or null. */
    public Instant startedAt() {
        return startedAt;
    }

    /** The container's work manager, for accept loops and associations. */
    WorkManager workManager() {
        BootstrapContext context = bootstrapContext;
        if (context == null) {
            throw new IllegalStateException("resource adapter is not started");
        }
        return context.getWorkManager();
    }

    @Override
    public void endpointActivation(MessageEndpointFactory factory, ActivationSpec spec) throws ResourceException {
        throw new jakarta.resource.NotSupportedException("DICOM listeners are not available yet: " + spec);
    }

    @Override
    public void endpointDeactivation(MessageEndpointFactory factory, ActivationSpec spec) {
        // nothing was activated
    }

    @Override
    public XAResource[] getXAResources(ActivationSpec[] specs) {
        return new XAResource[0];
    }

    // A resource adapter is a JavaBean compared by the container: one instance per deployment.
    @Override
    public boolean equals(Object other) {
        return this == other;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
