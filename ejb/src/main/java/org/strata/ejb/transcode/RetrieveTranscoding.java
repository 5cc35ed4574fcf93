package org.strata.ejb.transcode;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.logging.Logger;
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

    private static final Logger LOG = Logger.getLogger(RetrieveTranscoding.class.getName());

    /** Setting prefix: {@code retrieve.allow-lossy.<AE title>} = {@code true} allows lossy syntaxes. */
    public static final String LOSSY_SETTING = "retrieve.allow-lossy.";

    /**
     * Setting: how many instances after the one being sent a retrieve transcodes ahead, on the
     * managed executor (0: none). Default: the number of processors.
     */
    public static final String AHEAD_SETTING = "retrieve.transcode-ahead";

    /** Setting: the largest transcoded data set held in memory for that; larger ones are streamed. */
    public static final String AHEAD_MAX_BYTES_SETTING = "retrieve.transcode-ahead.max-bytes";

    static final long DEFAULT_AHEAD_MAX_BYTES = 64L << 20;

    @EJB
    SettingsService settings;

    public TranscodePlan planFor(String destinationAeTitle) {
        boolean lossy = settings.get(LOSSY_SETTING + destinationAeTitle).map(String::strip)
                .map(Boolean::parseBoolean).orElse(false);
        return new TranscodePlan(lossy);
    }

    /** How far a retrieve transcodes ahead ({@link #AHEAD_SETTING}, {@link #AHEAD_MAX_BYTES_SETTING}). */
    public TranscodeAheadLimits ahead() {
        long window = number(AHEAD_SETTING, Runtime.getRuntime().availableProcessors());
        long maxBytes = number(AHEAD_MAX_BYTES_SETTING, DEFAULT_AHEAD_MAX_BYTES);
        return new TranscodeAheadLimits((int) Math.max(0, Math.min(window, 1024)), Math.max(0, maxBytes));
    }

    private long number(String setting, long defaultValue) {
        String value = settings.get(setting).map(String::strip).orElse(null);
        if (value == null) {
            return defaultValue;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            LOG.warning(() -> "setting " + setting + " is not a number: '" + value + "', using " + defaultValue);
            return defaultValue;
        }
    }
}
