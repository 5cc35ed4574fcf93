package org.strata.web.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.strata.ejb.mpps.MppsService;

/**
 * {@code /strata/api/mpps/{uid}}: a Modality Performed Procedure Step as the archive knows it:
 * state, performed series with the number of their stored instances, and the instances flagged
 * for review (DISCONTINUED with "Incorrect worklist entry selected").
 */
@Path("mpps")
@Produces(MediaType.APPLICATION_JSON)
public class MppsResource {

    @Inject
    MppsService mpps;

    @GET
    @Path("{uid}")
    public MppsService.View get(@PathParam("uid") String uid) {
        return mpps.view(uid).orElseThrow(() -> new NotFoundException("no MPPS " + uid));
    }
}
