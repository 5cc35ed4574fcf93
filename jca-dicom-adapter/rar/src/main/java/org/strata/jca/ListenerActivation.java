package org.strata.jca;

import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import java.io.IOException;
import java.util.List;
import java.util.logging.Logger;
import org.strata.dicom.net.NetRuntime;
import org.strata.dicom.net.assoc.AcceptorServices;
import org.strata.dicom.net.assoc.DicomListener;
import org.strata.dicom.net.config.ApplicationEntityConfig;
import org.strata.dicom.net.config.ListenerConfig;
import org.strata.dicom.net.config.TlsConfig;
import org.strata.dicom.net.config.Timeouts;
import org.strata.dicom.net.dimse.DimseChannel;
import org.strata.dicom.net.dimse.DimseServiceRegistry;

/** One activated message endpoint: its DICOM listener and the services behind it. */
final class ListenerActivation implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ListenerActivation.class.getName());

    /** Largest PDU we accept (PS3.8 D.1); peers may send less. */
    static final long MAX_PDU_LENGTH = 256 * 1024;

    private final DicomActivationSpec spec;
    private final DicomListener plain;
    private final DicomListener tls;

    private ListenerActivation(DicomActivationSpec spec, DicomListener plain, DicomListener tls) {
        this.spec = spec;
        this.plain = plain;
        this.tls = tls;
    }

    /**
     * Opens the plain listener (unless port is -1) and, with tls on, the DICOM over TLS listener
     * (PS3.15 B.9) on its own port; both serve the same AE and services.
     */
    static ListenerActivation start(MessageEndpointFactory factory, DicomActivationSpec spec, NetRuntime runtime,
                                    OpenAssociations openAssociations) throws IOException {
        DimseServiceRegistry registry = ListenerServices.registry(new EndpointInvoker(factory), runtime,
                openAssociations);
        ApplicationEntityConfig ae = new ApplicationEntityConfig(spec.getAeTitle(), AcceptedCapabilities.all(),
                spec.acceptedCallingAeTitleSet(), spec.getMaxAssociations());
        AcceptorServices services = AcceptorServices.of(DimseChannel.factory(registry, runtime))
                .withExtendedNegotiation(new QueryNegotiation(ListenerServices.QUERY_MODELS));
        DicomListener plain = null;
        if (spec.getPort() >= 0) {
            plain = DicomListener.start(config(spec, spec.getPort(), ae, null), runtime, services);
        }
        DicomListener tls = null;
        if (spec.tlsEnabled()) {
            try {
                tls = DicomListener.start(config(spec, spec.getTlsPort(), ae, spec.tlsConfig()), runtime, services);
            } catch (IOException | RuntimeException e) {
                if (plain != null) {
                    plain.close();
                }
                throw e;
            }
        }
        ListenerActivation activation = new ListenerActivation(spec, plain, tls);
        LOG.info(() -> "listening: " + spec + " (port " + activation.port() + ", TLS port " + activation.tlsPort() + ")");
        return activation;
    }

    private static ListenerConfig config(DicomActivationSpec spec, int port, ApplicationEntityConfig ae,
                                         TlsConfig tls) {
        return new ListenerConfig(spec.getBindAddress(), port, List.of(ae), tls, Timeouts.DEFAULT, MAX_PDU_LENGTH,
                spec.getMaxAssociations());
    }

    /** The bound port of the plain listener, or -1. */
    int port() {
        return plain == null ? -1 : plain.port();
    }

    /** The bound port of the TLS listener, or -1. */
    int tlsPort() {
        return tls == null ? -1 : tls.port();
    }

    @Override
    public void close() {
        if (plain != null) {
            plain.close();
        }
        if (tls != null) {
            tls.close();
        }
        LOG.info(() -> "stopped listening: " + spec);
    }
}
