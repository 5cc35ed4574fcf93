package org.strata.ejb.hsm;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.logging.Logger;
import org.strata.ejb.config.SettingsService;

/**
 * Fault injection for crash-safety drills: when the setting {@value #SETTING} names a step of a
 * move ({@code after-copy}, {@code after-record}, {@code before-delete}), the server halts there
 * like a {@code kill -9} (no shutdown hooks), once: the setting is cleared first.
 */
@Stateless
@PermitAll
public class CrashPoints {

    private static final Logger LOG = Logger.getLogger(CrashPoints.class.getName());

    public static final String SETTING = "hsm.test.haltAt";

    @EJB
    SettingsService settings;

    @Resource
    SessionContext context;

    /** Halts the JVM if this point is armed. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void reached(String point) {
        if (context.getBusinessObject(CrashPoints.class).disarm(point)) {
            LOG.severe("halting at crash point " + point + " (setting " + SETTING + ")");
            Runtime.getRuntime().halt(137);
        }
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
