package org.strata.ejb.dimse;

import jakarta.ejb.Local;
import java.util.Set;
import org.strata.dicom.core.Attributes;
import org.strata.jca.api.AssociationInfo;
import org.strata.jca.api.NServiceRequest;
import org.strata.jca.api.NServiceResponse;

/**
 * The archive side of a SOP class served with DIMSE-N requests (N-CREATE, N-SET, N-GET,
 * N-ACTION, N-DELETE, N-EVENT-REPORT; PS3.7 10).
 *
 * <h2>Adding a SOP class</h2>
 * Write one session bean implementing this interface, in any EJB module of the EAR:
 * <pre>{@code
 * @Stateless
 * public class MediaCreationNService implements NService {
 *     public Set<String> sopClassUids() { return Set.of(UID.MediaCreationManagement); }
 *     public NServiceResponse handle(AssociationInfo as, NServiceRequest rq, Attributes dataSet) { ... }
 * }
 * }</pre>
 * {@link NServiceRouter} finds every implementation through CDI at startup and routes requests by
 * their SOP Class UID; nothing else needs changing in the archive. The resource adapter must also
 * accept the SOP class in association negotiation and hand its N- requests to the archive
 * ({@code ListenerServices.N_SERVICE_CLASSES} and {@code AcceptedCapabilities} in
 * {@code jca-dicom-adapter/rar}; Storage Commitment, MPPS and Media Creation Management are there).
 */
@Local
public interface NService {

    /** The SOP classes this service answers. */
    Set<String> sopClassUids();

    /**
     * Handles one request and returns the response: status (with Error Comment), optional data
     * set and, for an N-CREATE, the Affected SOP Instance UID when the service created it.
     *
     * @param dataSet the request's data set, or null when it had none
     */
    NServiceResponse handle(AssociationInfo association, NServiceRequest request, Attributes dataSet);
}
