package org.strata.ejb.hsm;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Works the job queue on this node: every two seconds it claims jobs one at a time and runs
 * them until none is runnable (also the jobs of a dead node, once their lease ran out; see
 * {@link JobLeaseKeeper}). At start it puts back in the queue the jobs this node was running
 * when it stopped (a crash), and deletes the objects noted for deletion.
 */
@Singleton
@Startup
@DependsOn("TierRegistry")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class JobWorker {

    private static final Logger LOG = Logger.getLogger(JobWorker.class.getName());

    @EJB
    JobQueue queue;

    @EJB
    JobRunner runner;

    private final String node = HsmNode.current();

    @PostConstruct
    void resume() {
        int requeued = queue.requeueOwned(node, Instant.now());
        if (requeued > 0) {
            LOG.warning("resuming " + requeued + " storage jobs this node was running when it stopped");
        }
        runner.deletePending();
    }

    @Schedule(hour = "*", minute = "*", second = "*/2", persistent = false)
    void work() {
        Optional<HsmJob> next;
        while ((next = queue.claimNext(node, Instant.now())).isPresent()) {
            HsmJob job = next.get();
            try {
                runner.run(job.request());
                queue.completed(job.getPk(), Instant.now());
            } catch (Exception e) {
                JobState state = queue.failed(job.getPk(), e.getClass().getSimpleName() + ": " + e.getMessage(),
                        Instant.now());
                LOG.log(state == JobState.FAILED ? Level.SEVERE : Level.WARNING, "storage job " + job.getPk() + " ("
                        + job.getAction() + " study " + job.getStudyInstanceUid() + " to " + job.getTargetTier()
                        + ") failed, " + (state == JobState.FAILED ? "dead-lettered" : "will retry") + ": " + e.getMessage(), e);
            }
        }
    }
}
