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
import org.strata.ejb.ae.AeTitle;
import org.strata.ejb.ae.RemoteAEConfig;
import org.strata.ejb.ae.RemoteAEService;

/**
 * {@code /strata/api/aes}: the remote AE table (move destinations, storage commitment and
 * forwarding peers). Changes take effect for the next association, without restart.
 */
@Path("aes")
@Produces(MediaType.APPLICATION_JSON)
public class AesResource {

    /** JSON of one entry as GET returns it. */
    public record AeJson(String aeTitle, String host, int port, boolean tls, String description) {
        static AeJson of(RemoteAEConfig c) {
            return new AeJson(c.aeTitle(), c.host(), c.port(), c.tls(), c.description());
        }
    }

    /** JSON body of a PUT: {@code {"host": "...", "port": N, "tls": false, "description": "..."}}. */
    public record AeBody(String host, Integer port, Boolean tls, String description) {
    }

    @Inject
    RemoteAEService aes;

    @GET
    public List<AeJson> list() {
        return aes.all().stream().map(AeJson::of).toList();
    }

    @GET
    @Path("{aet}")
    public AeJson get(@PathParam("aet") String aet) {
        return aes.find(AeTitle.normalize(aet)).map(AeJson::of)
                .orElseThrow(() -> new NotFoundException("no AE " + aet));
    }

    @PUT
    @Path("{aet}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response put(@PathParam("aet") String aet, AeBody body) {
        if (body == null || body.port() == null) {
            throw new IllegalArgumentException("body must be {\"host\": \"...\", \"port\": N, \"tls\": false, \"description\": \"...\"}");
        }
        RemoteAEConfig config = new RemoteAEConfig(aet, body.host(), body.port(),
                Boolean.TRUE.equals(body.tls()), body.description());
        boolean created = aes.put(config);
        return Response.status(created ? Response.Status.CREATED : Response.Status.OK)
                .entity(AeJson.of(config)).build();
    }

    @DELETE
    @Path("{aet}")
    public Response delete(@PathParam("aet") String aet) {
        if (!aes.delete(AeTitle.normalize(aet))) {
            throw new NotFoundException("no AE " + aet);
        }
        return Response.noContent().build();
    }
}
