package org.strata.dicom.net.dimse;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Service handlers by SOP class UID, with {@code "*"} as the fallback. Unknown SOP classes are
 * answered with 0x0122 (SOP class not supported, PS3.7 C.5.5). Runtime object, shared by the
 * associations of a listener.
 */
public final class DimseServiceRegistry {

    public static final String ANY = "*";
    public static final String VERIFICATION = "1.2.840.10008.1.1";

    private final Map<String, DimseService> services = new ConcurrentHashMap<>();

    /** A registry answering C-ECHO on the Verification SOP class. */
    public static DimseServiceRegistry withEcho() {
        return new DimseServiceRegistry().register(VERIFICATION, DimseService.ECHO);
    }

    public DimseServiceRegistry register(String sopClassUid, DimseService service) {
        services.put(sopClassUid, service);
        return this;
    }

    public DimseService lookup(String sopClassUid) {
        DimseService s = sopClassUid == null ? null : services.get(sopClassUid);
        if (s == null) {
            s = services.get(ANY);
        }
        return s != null ? s : rq -> {
            throw new DimseException(Status.SOP_CLASS_NOT_SUPPORTED, "no service for SOP class " + sopClassUid);
        };
    }
}
