package org.strata.web.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.strata.ejb.hsm.HsmConflictException;
import org.strata.ejb.hsm.HsmJob;
import org.strata.ejb.hsm.JobQueue;
import org.strata.ejb.hsm.JobState;

/** {@code /strata/api/jobs}: the storage job queue, its dead letters ({@code ?state=FAILED}) and retries. */
@Path("jobs")
@Produces(MediaType.APPLICATION_JSON)
public class JobsResource {

    /** A job as the API shows it. */
    public record JobJson(long id, String study, String action, String sourceTier, String targetTier,
                          boolean keepSource, String state, int attempts, String notBefore, String lastError,
                          String rule, String createdAt, String updatedAt) {
        static JobJson of(HsmJob j) {
            return new JobJson(j.getPk(), j.getStudyInstanceUid(), j.getAction().name(), j.getSourceTier(),
                    j.getTargetTier(), j.isKeepSource(), j.getState().name(), j.getAttempts(),
                    j.getNotBefore().toString(), j.getLastError(), j.getRuleId(), j.getCreatedAt().toString(),
                    j.getUpdatedAt().toString());
        }
    }

    @Inject
    JobQueue queue;

    @GET
    public List<JobJson> list(@QueryParam("state") String state, @QueryParam("study") String study,
                              @QueryParam("max") Integer max) {
        JobState s = null;
        if (state != null && !state.isBlank()) {
            try {
                s = JobState.valueOf(state.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("state must be QUEUED, RUNNING, COMPLETED or FAILED, not " + state);
            }
        }
        return queue.list(s, max == null ? 1000 : Math.min(max, 10000)).stream()
                .filter(j -> study == null || study.equals(j.getStudyInstanceUid())).map(JobJson::of).toList();
    }

    @GET
    @Path("{id}")
    public JobJson get(@PathParam("id") long id) {
        return queue.find(id).map(JobJson::of).orElseThrow(() -> new NotFoundException("no job " + id));
    }

    @POST
    @Path("{id}/retry")
    public JobJson retry(@PathParam("id") long id) {
        get(id);
        if (!queue.retry(id, Instant.now())) {
            throw new HsmConflictException("job " + id + " is not FAILED: only dead-lettered jobs are retried");
        }
        return get(id);
    }
}
