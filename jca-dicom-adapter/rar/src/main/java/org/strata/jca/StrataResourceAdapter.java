package org.strata.jca;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.BootstrapContext;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.ResourceAdapterInternalException;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import jakarta.resource.spi.work.WorkManager;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.transaction.xa.XAResource;
import org.strata.dicom.net.NetRuntime;

/**
 * The DICOM resource adapter (Jakarta Connectors 2.1). It keeps the container's
 * {@link BootstrapContext}; DICOM listeners are opened per message-endpoint activation.
 */
public class StrataResourceAdapter implements ResourceAdapter {

    private static final Logger LOG = Logger.getLogger(StrataResourceAdapter.class.getName());

    private final Map<ActivationKey, ListenerActivation> activations = new ConcurrentHashMap<>();
    private volatile BootstrapContext bootstrapContext;
    private volatile Instant startedAt;
    private volatile NetRuntime runtime;
    private final OpenAssociations openAssociations = new OpenAssociations();

    @Override
    public void start(BootstrapContext context) throws ResourceAdapterInternalException {
        // accept loops, association readers and dispatchers run as long-running Work
        this.runtime = new NetRuntime("strata-dicom", new WorkExecutor(context.getWorkManager()));
        this.bootstrapContext = context;
        this.startedAt = Instant.now();
        LOG.info("Strata DICOM resource adapter started");
    }

    @Override
    public void stop() {
        bootstrapContext = null;
        activations.values().forEach(ListenerActivation::close);
        activations.clear();
        NetRuntime r = runtime;
        if (r != null) {
            r.close();
        }
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

    /** Associations peers opened, for replies on them (PS3.4 J.3.3). */
    OpenAssociations openAssociations() {
        return openAssociations;
    }

    /** Sockets, timers and tasks of the adapter's associations, inbound and outbound. */
    NetRuntime runtime() {
        return runtime;
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
        if (!(spec instanceof DicomActivationSpec dicom)) {
            throw new jakarta.resource.NotSupportedException("not a DICOM activation: " + spec);
        }
        dicom.validate();
        if (!isActive()) {
            throw new ResourceAdapterInternalException("resource adapter is not started");
        }
        try {
            activations.put(new ActivationKey(factory, spec), ListenerActivation.start(factory, dicom, runtime, openAssociations));
        } catch (IOException e) {
            LOG.log(Level.SEVERE, "cannot open " + dicom + ": " + e.getMessage(), e);
            throw new ResourceException("cannot open " + dicom + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void endpointDeactivation(MessageEndpointFactory factory, ActivationSpec spec) {
        ListenerActivation activation = activations.remove(new ActivationKey(factory, spec));
        if (activation != null) {
            activation.close();
        }
    }

    /** The bound port of the activation of {@code spec}, or -1 (for tests and the console). */
    int port(MessageEndpointFactory factory, ActivationSpec spec) {
        ListenerActivation a = activations.get(new ActivationKey(factory, spec));
        return a == null ? -1 : a.port();
    }

    /** The bound TLS port of the activation of {@code spec}, or -1. */
    int tlsPort(MessageEndpointFactory factory, ActivationSpec spec) {
        ListenerActivation a = activations.get(new ActivationKey(factory, spec));
        return a == null ? -1 : a.tlsPort();
    }

    /** Identity of one activation: the same factory and spec objects the container passed. */
    private record ActivationKey(MessageEndpointFactory factory, ActivationSpec spec) {
        @Override
        public boolean equals(Object o) {
            return o instanceof ActivationKey k && k.factory == factory && k.spec == spec;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(factory) * 31 + System.identityHashCode(spec);
        }
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
