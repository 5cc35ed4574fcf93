package org.strata.jca.api;

import java.io.IOException;
import java.util.Optional;

/**
 * The outbound connection factory of the resource adapter (Jakarta Connectors 2.1 chapter 6,
 * common client interface pattern), bound at {@link #JNDI_NAME}
 * ({@code @Resource(lookup = DicomConnector.JNDI_NAME)}). {@link #connect} hands out a
 * {@link DicomConnection} on one association to a remote AE; the container pools those
 * associations per remote AE and proposed presentation contexts, so closing the handle returns
 * the association to the pool instead of releasing it.
 */
public interface DicomConnector {

    String JNDI_NAME = "java:global/strata/DicomConnector";

    /**
     * A connection on an association matching {@code spec}: an idle pooled one, or a new one.
     *
     * @throws IOException when the association cannot be established or was refused
     */
    DicomConnection connect(AssociationSpec spec) throws IOException;

    /**
     * Sends a request on the association of a received request ({@link NServiceRequest#replyHandle()}),
     * after that request's response has gone out.
     *
     * @return the peer's response, or empty when that association is no longer open (then use
     *         {@link #connect})
     * @throws IOException when the association failed during the request
     */
    Optional<NServiceResponse> sendOnAssociation(String replyHandle, OutboundRequest request) throws IOException;
}
