package org.strata.jca.api;

import java.io.InputStream;
import org.strata.dicom.core.Attributes;

/**
 * The message listener interface of the DICOM resource adapter: the adapter calls one typed
 * method per DIMSE request on a message endpoint (an MDB of the archive) and answers with the
 * status it returns. The SCP must answer synchronously, so every method returns the status.
 */
public interface DicomServiceListener {

    /** C-ECHO (PS3.4 A.4): the status to answer with, normally {@link DimseStatus#SUCCESS}. */
    DimseStatus echo(AssociationInfo association);

    /**
     * C-STORE (PS3.4 B.2.2): store the data set, read from {@code dataSet} in the request's
     * transfer syntax (without file meta information), and answer only once it is durable.
     */
    DimseStatus store(AssociationInfo association, StoreRequest request, InputStream dataSet);

    /**
     * C-FIND (PS3.4 C.4.1.3.1): send each match of {@code identifier} to {@code responses}, then
     * return the final status (success, or an error; cancel is answered by the adapter).
     */
    DimseStatus find(AssociationInfo association, QueryRequest request, Attributes identifier, QueryResponses responses);

    /**
     * C-MOVE (PS3.4 C.4.2.3.1) or C-GET (PS3.4 C.4.3.3.1): store every instance the identifier
     * selects through {@code context}, reporting progress as pending responses.
     */
    RetrieveOutcome retrieve(AssociationInfo association, RetrieveRequest request, Attributes identifier,
                             RetrieveContext context);

    /**
     * A DIMSE-N request (PS3.7 10.1) of a SOP class the adapter routes to the archive (Storage
     * Commitment, MPPS, Media Creation Management): answer with its status, optional data set and,
     * for an N-CREATE, the Affected SOP Instance UID. {@code dataSet} is the decoded request data
     * set, or null when the request had none.
     */
    NServiceResponse nService(AssociationInfo association, NServiceRequest request, Attributes dataSet);
}
