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
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.logging.Logger;
import org.strata.ejb.config.SettingsService;
import org.strata.ejb.media.MediaRequests;
import org.strata.ejb.media.MediaSources;
import org.strata.ejb.store.OnlineStorage;

/**
 * Runs media jobs on the container's managed executor, one task per initiated request, and resumes
 * the requests a stop interrupted (they are persistent: PENDING or CREATING at start means unfinished).
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class MediaJobs {

    private static final Logger LOG = Logger.getLogger(MediaJobs.class.getName());

    @Resource
    ManagedExecutorService executor;

    /** Threads of the pool that decodes and writes instances for every job (bounded: one per core by default). */
    @Resource
    ManagedThreadFactory threads;

    /** Settings: threads writing instances onto media, shared by all jobs. */
    static final String THREADS_SETTING = "media.threads";

    private ExecutorService pool;

    @EJB
    MediaRequests requests;

    @EJB
    MediaSources sources;

    @EJB
    OnlineStorage storage;

    @EJB
    SettingsService settings;

    private final Set<String> cancelled = ConcurrentHashMap.newKeySet();

    private volatile boolean stopping;

    @PostConstruct
    void resume() {
        int n = settings.get(THREADS_SETTING).map(v -> Integer.parseInt(v.trim()))
                .orElse(Runtime.getRuntime().availableProcessors());
        pool = Executors.newFixedThreadPool(Math.max(1, n), threads);
        List<String> unfinished = requests.unfinished();
        if (!unfinished.isEmpty()) {
            LOG.info("resuming " + unfinished.size() + " unfinished media request(s)");
        }
        // a resumed job never holds (MediaJob.HOLD_SETTING): the hold is for the run that is stopped
        Function<String, Optional<String>> resumedSettings = name -> MediaJob.HOLD_SETTING.equals(name)
                ? Optional.empty() : settings.get(name);
        unfinished.forEach(uid -> start(uid, resumedSettings));
    }

    /** Jobs running now stop where they are and stay PENDING or CREATING: resumed at the next start. */
    @PreDestroy
    void stop() {
        stopping = true;
        pool.shutdown();
    }

    public void start(String requestUid) {
        start(requestUid, settings::get);
    }

    private void start(String requestUid, Function<String, Optional<String>> settingsView) {
        MediaJob.Context ctx = new MediaJob.Context(requests, sources, storage.provider(), settingsView, pool);
        executor.execute(new MediaJob(requestUid, ctx, () -> cancelled.contains(requestUid), () -> stopping));
    }

    /** Asks a running job to stop at its next instance or piece. */
    public void cancel(String requestUid) {
        cancelled.add(requestUid);
    }
}
