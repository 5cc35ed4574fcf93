package org.strata.web.console;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import org.strata.ejb.hsm.HsmJob;
import org.strata.ejb.hsm.JobQueue;
import org.strata.ejb.hsm.JobState;

/**
 * Backing bean of {@code jobs.xhtml}: the storage job queue by state with retry of dead letters
 * (FAILED), and the storage commitment, forwarding and media creation queues.
 */
@Named
@ViewScoped
public class JobsPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    JobQueue queue;

    @Inject
    QueueQueries queues;

    private JobState state;
    private List<HsmJob> jobs;
    private List<QueueQueries.CommitmentRow> commitments;
    private List<QueueQueries.OutboundRow> outbound;
    private List<QueueQueries.MediaRow> media;

    public JobState[] getStates() {
        return JobState.values();
    }

    public List<HsmJob> getJobs() {
        if (jobs == null) {
            jobs = queue.list(state, QueueQueries.MAX);
        }
        return jobs;
    }

    public List<QueueQueries.CommitmentRow> getCommitments() {
        if (commitments == null) {
            commitments = queues.commitments();
        }
        return commitments;
    }

    public List<QueueQueries.OutboundRow> getOutbound() {
        if (outbound == null) {
            outbound = queues.outbound();
        }
        return outbound;
    }

    public List<QueueQueries.MediaRow> getMedia() {
        if (media == null) {
            media = queues.media();
        }
        return media;
    }

    /** Shows the jobs of the chosen state (all when none is chosen). */
    public void filter() {
        jobs = null;
    }

    public void retry(HsmJob job) {
        Feedback.run("Job " + job.getPk() + " queued again", () -> {
            if (!queue.retry(job.getPk(), Instant.now())) {
                throw new IllegalStateException("job " + job.getPk() + " is not FAILED: only dead-lettered jobs are retried");
            }
        });
        jobs = null;
    }

    public JobState getState() {
        return state;
    }

    public void setState(JobState state) {
        this.state = state;
    }
}
