package org.strata.ejb.hsm;

import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.strata.ejb.config.SettingsService;

/**
 * Runs the scrubber on every tier periodically ({@value #INTERVAL_SETTING}, default
 * {@code PT1H}): each pass verifies the next {@value #SAMPLE_SETTING} copies (default 100) of
 * each tier, moving through all copies in turn and starting over at the end.
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ScrubTimer {

    private static final Logger LOG = Logger.getLogger(ScrubTimer.class.getName());

    public static final String INTERVAL_SETTING = "hsm.scrub.interval";
    public static final String SAMPLE_SETTING = "hsm.scrub.sample";

    @EJB
    Scrubber scrubber;

    @EJB
    TierService tiers;

    @EJB
    SettingsService settings;

    private final Map<String, Long> cursors = new HashMap<>();
    private Instant last = Instant.now();

    @Schedule(hour = "*", minute = "*", second = "30", persistent = false)
    void tick() {
        Duration interval = settings.get(INTERVAL_SETTING).map(v -> Duration.parse(v.strip())).orElse(Duration.ofHours(1));
        if (Instant.now().isBefore(last.plus(interval))) {
            return;
        }
        last = Instant.now();
        int sample = settings.get(SAMPLE_SETTING).map(Integer::parseInt).orElse(100);
        List<String> ids = new java.util.ArrayList<>(List.of(TierRegistry.ONLINE));
        tiers.all().forEach(t -> ids.add(t.getId()));
        for (String id : ids) {
            try {
                Scrubber.Report r = scrubber.scrub(id, cursors.getOrDefault(id, 0L), sample);
                cursors.put(id, r.checked() < sample ? 0L : r.lastPk());
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "scrubbing tier " + id + " failed: " + e.getMessage(), e);
            }
        }
    }
}
