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
import org.strata.dicom.net.config.Timeouts;
import org.strata.dicom.net.dimse.DimseChannel;
import org.strata.dicom.net.dimse.DimseServiceRegistry;

/** One activated message endpoint: its DICOM listener and the services behind it. */
final class ListenerActivation implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ListenerActivation.class.getName());

    /** Largest PDU we accept (PS3.8 D.1); peers may send less. */
    static final long MAX_PDU_LENGTH = 256 * 1024;

    private final DicomActivationSpec spec;
    private final DicomListener listener;

    private ListenerActivation(DicomActivationSpec spec, DicomListener listener) {
        this.spec = spec;
        this.listener = listener;
    }

    static ListenerActivation start(MessageEndpointFactory factory, DicomActivationSpec spec, NetRuntime runtime,
                                    OpenAssociations openAssociations) throws IOException {
        DimseServiceRegistry registry = ListenerServices.registry(new EndpointInvoker(factory), runtime,
                openAssociations);
        ApplicationEntityConfig ae = new ApplicationEntityConfig(spec.getAeTitle(), AcceptedCapabilities.all(),
                spec.acceptedCallingAeTitleSet(), spec.getMaxAssociations());
        ListenerConfig config = new ListenerConfig(spec.getBindAddress(), spec.getPort(), List.of(ae), null,
                Timeouts.DEFAULT, MAX_PDU_LENGTH, spec.getMaxAssociations());
        DicomListener listener = DicomListener.start(config, runtime,
                AcceptorServices.of(DimseChannel.factory(registry, runtime))
                        .withExtendedNegotiation(new QueryNegotiation(ListenerServices.QUERY_MODELS)));
        LOG.info(() -> "listening: " + spec + " (port " + listener.port() + ")");
        return new ListenerActivation(spec, listener);
    }

    int port() {
        return listener.port();
    }

    @Override
    public void close() {
        listener.close();
        LOG.info(() -> "stopped listening: " + spec);
    }
}
