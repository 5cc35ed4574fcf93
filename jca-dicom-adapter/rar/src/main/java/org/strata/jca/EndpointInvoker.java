package org.strata.jca;

import jakarta.resource.spi.UnavailableException;
import jakarta.resource.spi.endpoint.MessageEndpoint;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import java.util.function.Function;
import org.strata.dicom.net.dimse.DimseException;
import org.strata.dicom.net.dimse.Status;
import org.strata.jca.api.DicomServiceListener;

/**
 * Delivers one call to a message endpoint: create, call, release (JCA 2.1 13.5.3). The endpoint
 * is the archive's MDB; a typed call, no reflection per message.
 */
final class EndpointInvoker {

    private final MessageEndpointFactory factory;

    EndpointInvoker(MessageEndpointFactory factory) {
        this.factory = factory;
    }

    <T> T call(Function<DicomServiceListener, T> call) throws DimseException {
        MessageEndpoint endpoint;
        try {
            endpoint = factory.createEndpoint(null);
        } catch (UnavailableException e) {
            throw new DimseException(Status.OUT_OF_RESOURCES, "archive service unavailable");
        }
        try {
            return call.apply((DicomServiceListener) endpoint);
        } finally {
            endpoint.release();
        }
    }
}
