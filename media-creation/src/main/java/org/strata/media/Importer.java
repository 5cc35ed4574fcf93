package org.strata.media;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import java.util.List;
import java.util.logging.Logger;
import org.strata.ejb.config.SettingsService;
import org.strata.ejb.media.ImportJobs;
import org.strata.ejb.store.StoreService;

/**
 * Runs server-side imports on the container's managed executor, one task per import, and resumes
 * those a stop interrupted (QUEUED or RUNNING at start).
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Importer {

    private static final Logger LOG = Logger.getLogger(Importer.class.getName());

    /** Default of {@code import.max-bytes}: 64 GiB unpacked per image or archive. */
    static final long DEFAULT_MAX_BYTES = 64L << 30;

    @Resource
    ManagedExecutorService executor;

    @EJB
    ImportJobs jobs;

    @EJB
    StoreService store;

    @EJB
    SettingsService settings;

    private volatile boolean stopping;

    @PostConstruct
    void resume() {
        List<String> unfinished = jobs.unfinished();
        if (!unfinished.isEmpty()) {
            LOG.info("resuming " + unfinished.size() + " unfinished import(s)");
        }
        // a resumed import never holds (ImportTask.HOLD_SETTING): the hold is for the run that is stopped
        unfinished.forEach(id -> start(id, -1));
    }

    @PreDestroy
    void stop() {
        stopping = true;
    }

    public void start(String id) {
        start(id, settings.get(ImportTask.HOLD_SETTING).map(v -> Integer.parseInt(v.trim())).orElse(-1));
    }

    private void start(String id, int holdAfter) {
        long maxBytes = settings.get(ImportTask.MAX_BYTES_SETTING).map(v -> Long.parseLong(v.trim()))
                .orElse(DEFAULT_MAX_BYTES);
        String aet = System.getProperty("strata.dicom.aet", "STRATA");
        executor.execute(new ImportTask(id, new ImportTask.Context(jobs, store, aet, maxBytes, holdAfter), () -> stopping));
    }
}
