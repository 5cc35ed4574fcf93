package org.strata.ejb.outbound;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.strata.dicom.core.Attributes;
import org.strata.ejb.config.SettingsService;
import org.strata.ejb.dimse.DataSetCodec;
import org.strata.jca.api.NOperation;

/**
 * Queues DIMSE-N requests for remote AEs of the AE table, in the caller's transaction: a request
 * is queued together with the change that causes it, or not at all. {@link OutboundDispatcher}
 * sends them.
 */
@Stateless
public class OutboundQueue {

    /** Retry delay of the first failed attempt, doubled per attempt up to 10 minutes. */
    public static final String RETRY = "outbound.retry-seconds";
    /** How long a task is retried before it is given up. */
    public static final String GIVE_UP = "outbound.give-up-seconds";

    @PersistenceContext(unitName = "strata")
    EntityManager em;

    @EJB
    SettingsService settings;

    public void enqueue(String purpose, String destination, NOperation operation, String sopClassUid,
                        String sopInstanceUid, Attributes dataSet) {
        em.persist(new OutboundTask(purpose, destination, ourAeTitle(), operation, sopClassUid, sopInstanceUid,
                dataSet == null ? null : DataSetCodec.encode(dataSet), Instant.now()));
    }

    /** AE titles listed in a comma-separated setting, upper case; empty when unset. */
    public List<String> aeTitles(String setting) {
        return settings.get(setting).map(v -> Arrays.stream(v.split(",")).map(String::trim)
                .filter(s -> !s.isEmpty()).map(s -> s.toUpperCase(Locale.ROOT)).toList()).orElse(List.of());
    }

    public List<OutboundTask> byPurpose(String purpose) {
        return em.createNamedQuery(OutboundTask.BY_PURPOSE, OutboundTask.class).setParameter("purpose", purpose)
                .getResultList();
    }

    Duration retry() {
        return Duration.ofSeconds(settings.get(RETRY).map(String::trim).map(Long::parseLong).orElse(10L));
    }

    Duration giveUp() {
        return Duration.ofSeconds(settings.get(GIVE_UP).map(String::trim).map(Long::parseLong).orElse(86400L));
    }

    /** Our AE title, the one the listener answers to. */
    public static String ourAeTitle() {
        return System.getProperty("strata.dicom.aet", "STRATA");
    }
}
