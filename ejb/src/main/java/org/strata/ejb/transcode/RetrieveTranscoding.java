package org.strata.ejb.transcode;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import org.strata.ejb.config.SettingsService;

/**
 * Which transcoding a retrieve destination gets (PS3.4 C.4.2.3.1, C.4.3.3.1): lossless always;
 * lossy only when setting {@code retrieve.allow-lossy.<destination AE title>} is {@code true}
 * (the C-MOVE destination, or the C-GET requestor).
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RetrieveTranscoding {

    /** Setting prefix: {@code retrieve.allow-lossy.<AE title>} = {@code true} allows lossy syntaxes. */
    public static final String LOSSY_SETTING = "retrieve.allow-lossy.";

    @EJB
    SettingsService settings;

    public TranscodePlan planFor(String destinationAeTitle) {
        boolean lossy = settings.get(LOSSY_SETTING + destinationAeTitle).map(String::strip)
                .map(Boolean::parseBoolean).orElse(false);
        return new TranscodePlan(lossy);
    }
}
