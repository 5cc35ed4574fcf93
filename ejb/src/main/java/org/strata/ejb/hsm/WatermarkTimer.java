package org.strata.ejb.hsm;

import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.io.IOException;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Checks the online tier's watermarks every 30 seconds; {@link #evictNow()} is the same check on
 * request. A singleton, so two evictions never run at once (they would evict more than needed).
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class WatermarkTimer {

    private static final Logger LOG = Logger.getLogger(WatermarkTimer.class.getName());

    @EJB
    WatermarkEvictor evictor;

    public Optional<WatermarkEvictor.Report> evictNow() throws IOException {
        return evictor.evict();
    }

    @Schedule(hour = "*", minute = "*", second = "15,45", persistent = false)
    void tick() {
        try {
            evictNow();
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "watermark eviction failed: " + e.getMessage(), e);
        }
    }
}
