package org.strata.media;

import jakarta.annotation.PostConstruct;
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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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

    @EJB
    MediaRequests requests;

    @EJB
    MediaSources sources;

    @EJB
    OnlineStorage storage;

    @EJB
    SettingsService settings;

    private final Set<String> cancelled = ConcurrentHashMap.newKeySet();

    @PostConstruct
    void resume() {
        List<String> unfinished = requests.unfinished();
        if (!unfinished.isEmpty()) {
            LOG.info("resuming " + unfinished.size() + " unfinished media request(s)");
        }
        unfinished.forEach(this::start);
    }

    public void start(String requestUid) {
        MediaJob.Context ctx = new MediaJob.Context(requests, sources, storage.provider(), settings::get);
        executor.execute(new MediaJob(requestUid, ctx, () -> cancelled.contains(requestUid)));
    }

    /** Asks a running job to stop at its next instance or piece. */
    public void cancel(String requestUid) {
        cancelled.add(requestUid);
    }
}
