package org.strata.ejb.dimse;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import org.strata.dicom.core.Attributes;
import org.strata.jca.api.AssociationInfo;
import org.strata.jca.api.NServiceRequest;
import org.strata.jca.api.NServiceResponse;

/**
 * Routes DIMSE-N requests by SOP Class UID to the {@link NService} that declares it; the
 * registration point for new N- SOP classes is implementing {@link NService}. A SOP class no
 * service declares is answered 0x0118 No such SOP Class (PS3.7 10.1, C.5).
 */
@ApplicationScoped
public class NServiceRouter {

    private static final Logger LOG = Logger.getLogger(NServiceRouter.class.getName());

    static final int NO_SUCH_SOP_CLASS = 0x0118;

    @Inject
    @Any
    Instance<NService> services;

    private final Map<String, NService> bySopClass = new ConcurrentHashMap<>();

    @PostConstruct
    void collect() {
        services.forEach(this::register);
    }

    /** Registers a service for its SOP classes; a SOP class claimed twice is an error. */
    void register(NService service) {
        for (String uid : service.sopClassUids()) {
            NService previous = bySopClass.putIfAbsent(uid, service);
            if (previous != null && previous != service) {
                throw new IllegalStateException("SOP class " + uid + " claimed by two N- services");
            }
            LOG.fine(() -> "N- service for " + uid);
        }
    }

    public NServiceResponse route(AssociationInfo association, NServiceRequest request, Attributes dataSet) {
        NService service = bySopClass.get(request.sopClassUid());
        if (service == null) {
            LOG.info(() -> association.name() + ": " + request.operation() + " of SOP class "
                    + request.sopClassUid() + " has no service");
            return NServiceResponse.of(NO_SUCH_SOP_CLASS, "no service for SOP class " + request.sopClassUid());
        }
        return service.handle(association, request, dataSet);
    }
}
