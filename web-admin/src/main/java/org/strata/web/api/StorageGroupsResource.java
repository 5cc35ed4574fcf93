package org.strata.web.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.strata.ejb.hsm.PolicyService;
import org.strata.ejb.hsm.StorageGroup;

/** {@code /strata/api/storage-groups}: tier chains and the source AEs they apply to. */
@Path("storage-groups")
@Produces(MediaType.APPLICATION_JSON)
public class StorageGroupsResource {

    /** A storage group as GET returns it and PUT takes it (id from the path). */
    public record GroupJson(String id, List<String> tiers, List<String> aeTitles) {
        static GroupJson of(StorageGroup g) {
            return new GroupJson(g.getId(), g.getTiers(), g.getAeTitles());
        }
    }

    @Inject
    PolicyService policies;

    @GET
    public List<GroupJson> list() {
        return policies.groups().stream().map(GroupJson::of).toList();
    }

    @GET
    @Path("{id}")
    public GroupJson get(@PathParam("id") String id) {
        return policies.group(id).map(GroupJson::of).orElseThrow(() -> new NotFoundException("no storage group " + id));
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response put(@PathParam("id") String id, GroupJson body) {
        if (body == null) {
            throw new IllegalArgumentException("body must be {\"tiers\": [\"online\", \"s3\", \"tape\"], \"aeTitles\": []}");
        }
        boolean created = policies.putGroup(id, body.tiers(), body.aeTitles());
        return Response.status(created ? Response.Status.CREATED : Response.Status.OK).entity(get(id)).build();
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id) {
        if (!policies.deleteGroup(id)) {
            throw new NotFoundException("no storage group " + id);
        }
        return Response.noContent().build();
    }
}
