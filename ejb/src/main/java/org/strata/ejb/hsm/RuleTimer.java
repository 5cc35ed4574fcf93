package org.strata.ejb.hsm;

import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.strata.ejb.config.SettingsService;

/**
 * Runs the rule evaluation on a timer: checks every 10 seconds whether the interval in the
 * setting {@value #INTERVAL_SETTING} (ISO-8601, default {@code PT5M}) has passed since the last
 * evaluation on this node.
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RuleTimer {

    private static final Logger LOG = Logger.getLogger(RuleTimer.class.getName());

    public static final String INTERVAL_SETTING = "hsm.rules.interval";

    @EJB
    RuleEvaluator evaluator;

    @EJB
    SettingsService settings;

    private Instant last = Instant.EPOCH;

    @Schedule(hour = "*", minute = "*", second = "*/10", persistent = false)
    void tick() {
        Duration interval = settings.get(INTERVAL_SETTING).map(v -> Duration.parse(v.strip())).orElse(Duration.ofMinutes(5));
        if (Instant.now().isBefore(last.plus(interval))) {
            return;
        }
        last = Instant.now();
        try {
            evaluator.evaluate();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "evaluating the tiering rules failed: " + e.getMessage(), e);
        }
    }
}
