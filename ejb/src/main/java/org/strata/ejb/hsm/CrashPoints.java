package org.strata.ejb.hsm;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.strata.ejb.config.SettingsService;

/**
 * Fault injection for crash-safety drills: when the setting {@value #SETTING} names a step of a
 * move ({@code after-copy}, {@code after-verify}, {@code after-record}, {@code before-delete}),
 * the job stops there, once (the setting is cleared first): it writes the marker file
 * {@value #MARKER} (the step's name) in the server's data directory, logs one line and waits for
 * an outside {@code kill -9} of the server. Should nobody kill it within {@link #WAIT}, the job
 * carries on.
 */
@Stateless
@PermitAll
public class CrashPoints {

    private static final Logger LOG = Logger.getLogger(CrashPoints.class.getName());

    public static final String SETTING = "hsm.test.pauseAt";
    public static final String MARKER = "hsm-paused-at";
    static final Duration WAIT = Duration.ofMinutes(5);

    @EJB
    SettingsService settings;

    @Resource
    SessionContext context;

    /** Waits here for the server to be killed if this point is armed. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void reached(String point) {
        if (!context.getBusinessObject(CrashPoints.class).disarm(point)) {
            return;
        }
        Path marker = Path.of(System.getProperty("jboss.server.data.dir", "."), MARKER);
        try {
            Files.writeString(marker, point, StandardCharsets.UTF_8);
        } catch (IOException e) {
            LOG.warning("crash point " + point + ": cannot write " + marker + ": " + e.getMessage());
        }
        LOG.severe("paused at crash point " + point + " (setting " + SETTING + ", pid " + ProcessHandle.current().pid()
                + "): waiting to be killed");
        try {
            TimeUnit.MILLISECONDS.sleep(WAIT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.warning("crash point " + point + ": not killed within " + WAIT + ", carrying on");
    }

    /** True (and the setting cleared, committed) when this point was armed. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean disarm(String point) {
        if (settings.get(SETTING).filter(point::equals).isPresent()) {
            settings.put(SETTING, "");
            return true;
        }
        return false;
    }
}
