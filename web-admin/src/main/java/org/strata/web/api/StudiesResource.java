package org.strata.web.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.strata.ejb.hsm.StudyStorage;

/**
 * {@code /strata/api/studies/{studyUid}}: a study's availability and copies per tier;
 * {@code POST …/migrate} {@code {"tier": "…", "keepSource": false}} and {@code POST …/recall}
 * enqueue a job and answer {@code {"id": job id}} (202).
 */
@Path("studies")
@Produces(MediaType.APPLICATION_JSON)
public class StudiesResource {

    /** Body of a migrate request. */
    public record MigrateBody(String tier, Boolean keepSource) {
    }

    /** The enqueued job. */
    public record JobIdJson(long id) {
    }

    @Inject
    StudyStorage studies;

    @GET
    @Path("{uid}")
    public StudyStorage.Status get(@PathParam("uid") String uid) {
        return studies.status(uid).orElseThrow(() -> new NotFoundException("no study " + uid));
    }

    @POST
    @Path("{uid}/migrate")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response migrate(@PathParam("uid") String uid, MigrateBody body) {
        if (body == null || body.tier() == null || body.tier().isBlank()) {
            throw new IllegalArgumentException("body must be {\"tier\": \"…\", \"keepSource\": false}");
        }
        get(uid);
        long id = studies.migrate(uid, body.tier(), Boolean.TRUE.equals(body.keepSource()));
        return Response.accepted(new JobIdJson(id)).build();
    }

    @POST
    @Path("{uid}/recall")
    public Response recall(@PathParam("uid") String uid) {
        get(uid);
        return Response.accepted(new JobIdJson(studies.recall(uid))).build();
    }
}
