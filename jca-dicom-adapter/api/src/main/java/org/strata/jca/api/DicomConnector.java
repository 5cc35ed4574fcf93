package org.strata.jca.api;

import java.io.IOException;
import java.util.Optional;

/**
 * Outbound DICOM of the resource adapter, an administered object bound at {@link #JNDI_NAME}
 * ({@code @Resource(lookup = DicomConnector.JNDI_NAME)}): sends DIMSE-N requests on an
 * association a peer opened, or on an association to a remote AE. Associations to the same remote
 * AE, calling AE and role are pooled: a request reuses an idle association and releases none it
 * does not need.
 */
public interface DicomConnector {

    String JNDI_NAME = "java:global/strata/DicomConnector";

    /**
     * Sends a request on the association of a received request ({@link NServiceRequest#replyHandle()}),
     * after that request's response has gone out.
     *
     * @return the peer's response, or empty when that association is no longer open (then use
     *         {@link #send})
     * @throws IOException when the association failed during the request
     */
    Optional<NServiceResponse> sendOnAssociation(String replyHandle, OutboundRequest request) throws IOException;

    /** Sends a request to a remote AE on a pooled association, opened if needed. */
    NServiceResponse send(RemoteTarget target, OutboundRequest request) throws IOException;
}
