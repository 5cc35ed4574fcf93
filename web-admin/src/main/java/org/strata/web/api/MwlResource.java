package org.strata.web.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.strata.ejb.mwl.WorklistService;

/**
 * {@code /strata/api/mwl}: the Modality Worklist, one item per Scheduled Procedure Step, in the
 * DICOM JSON model (PS3.18 F.2). {@code POST} schedules an item and answers 201 with the item as
 * stored (assigned IDs included); {@code GET} lists or reads by Scheduled Procedure Step ID;
 * {@code DELETE} removes.
 */
@Path("mwl")
public class MwlResource {

    static final String DICOM_JSON = "application/dicom+json";
    /** The Scheduled Procedure Step ID (0040,0009) in the stored item's JSON. */
    static final Pattern SPS_ID = Pattern.compile("\"00400009\":\\{\"vr\":\"SH\",\"Value\":\\[\"([^\"]+)\"");

    @Inject
    WorklistService worklist;

    @POST
    @Consumes({MediaType.APPLICATION_JSON, DICOM_JSON})
    @Produces(MediaType.APPLICATION_JSON)
    public Response create(String json) {
        String stored = worklist.createJson(json);
        Matcher id = SPS_ID.matcher(stored);
        return Response.status(Response.Status.CREATED).location(id.find() ? URI.create("mwl/" + id.group(1)) : null)
                .entity(stored).build();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public String list() {
        return worklist.allJson();
    }

    @GET
    @Path("{spsId}")
    @Produces(MediaType.APPLICATION_JSON)
    public String get(@PathParam("spsId") String spsId) {
        return worklist.findJson(spsId).orElseThrow(() -> new NotFoundException("no worklist item " + spsId));
    }

    @DELETE
    @Path("{spsId}")
    public Response delete(@PathParam("spsId") String spsId) {
        if (!worklist.delete(spsId)) {
            throw new NotFoundException("no worklist item " + spsId);
        }
        return Response.noContent().build();
    }
}
