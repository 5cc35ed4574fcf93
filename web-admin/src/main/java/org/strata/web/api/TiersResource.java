package org.strata.web.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.strata.ejb.hsm.Scrubber;
import org.strata.ejb.hsm.Tier;
import org.strata.ejb.hsm.TierRegistry;
import org.strata.ejb.hsm.TierService;
import org.strata.ejb.hsm.VolumeService;
import org.strata.ejb.hsm.WatermarkEvictor;
import org.strata.ejb.hsm.WatermarkTimer;

/**
 * {@code /strata/api/tiers}: storage tiers by URI ({@code file:/…}, {@code s3://bucket?endpoint=…},
 * {@code tar:/library?volumeSize=…}). Settings whose name contains "secret" or "password" are
 * never returned.
 */
@Path("tiers")
@Produces(MediaType.APPLICATION_JSON)
public class TiersResource {

    /** A tier as GET returns it. */
    public record TierJson(String id, String uri, Map<String, String> settings) {
        static TierJson of(Tier t) {
            Map<String, String> shown = new java.util.TreeMap<>();
            t.getSettings().forEach((k, v) -> shown.put(k, k.toLowerCase(java.util.Locale.ROOT).matches(".*(secret|password).*")
                    ? "***" : v));
            return new TierJson(t.getId(), t.getUri(), shown);
        }
    }

    /** Body of a PUT: {@code {"uri": "...", "settings": {"accessKeyId": "..."}}}. */
    public record TierBody(String uri, Map<String, String> settings) {
    }

    @Inject
    TierService tiers;

    @Inject
    Scrubber scrubber;

    @Inject
    WatermarkTimer watermarks;

    @Inject
    VolumeService volumes;

    /** Body of a volume PUT: {@code {"exported": true}} (taken out of the library) or {@code false} (back in). */
    public record VolumeBody(Boolean exported) {
    }

    @GET
    public List<TierJson> list() {
        return tiers.all().stream().map(TierJson::of).toList();
    }

    @GET
    @Path("{id}")
    public TierJson get(@PathParam("id") String id) {
        return tiers.find(id).map(TierJson::of).orElseThrow(() -> new NotFoundException("no tier " + id));
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response put(@PathParam("id") String id, TierBody body) {
        if (body == null || body.uri() == null) {
            throw new IllegalArgumentException("body must be {\"uri\": \"file:/…|s3://bucket?…|tar:/library?…\", \"settings\": {…}}");
        }
        boolean created = tiers.put(id, body.uri(), body.settings() == null ? Map.of() : body.settings());
        return Response.status(created ? Response.Status.CREATED : Response.Status.OK).entity(get(id)).build();
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id) {
        if (!tiers.delete(id)) {
            throw new NotFoundException("no tier " + id);
        }
        return Response.noContent().build();
    }

    /** Verifies up to {@code max} copies of the tier (after location {@code after}) and repairs bad ones. */
    @POST
    @Path("{id}/scrub")
    public Scrubber.Report scrub(@PathParam("id") String id, @QueryParam("after") Long after,
                                 @QueryParam("max") Integer max) {
        if (!TierRegistry.ONLINE.equals(id) && tiers.find(id).isEmpty()) {
            throw new NotFoundException("no tier " + id);
        }
        return scrubber.scrub(id, after == null ? 0 : after, max == null ? 1000 : max);
    }

    /**
     * Checks the online tier's watermarks now ({@code hsm.online.highWatermark},
     * {@code hsm.online.lowWatermark}, bytes) and evicts as the timer would.
     */
    @POST
    @Path("online/evict")
    public WatermarkEvictor.Report evict() throws IOException {
        return watermarks.evictNow().orElseThrow(() -> new IllegalArgumentException(
                "no watermarks set: settings hsm.online.highWatermark and hsm.online.lowWatermark (bytes)"));
    }

    /** The volumes of a tape tier: {@code [{"bytes":…,"exported":false,"objects":…,"volume":"…"}]}. */
    @GET
    @Path("{id}/volumes")
    public List<VolumeService.VolumeStatus> volumes(@PathParam("id") String id) {
        if (tiers.find(id).isEmpty()) {
            throw new NotFoundException("no tier " + id);
        }
        return volumes.volumes(id);
    }

    /**
     * Exports a tape volume ({@code {"exported": true}}: its copies become OFFLINE) or imports it
     * back ({@code false}: NEARLINE again).
     */
    @PUT
    @Path("{id}/volumes/{volume}")
    @Consumes(MediaType.APPLICATION_JSON)
    public VolumeService.VolumeStatus putVolume(@PathParam("id") String id, @PathParam("volume") String volume,
                                                VolumeBody body) {
        if (body == null || body.exported() == null) {
            throw new IllegalArgumentException("body must be {\"exported\": true|false}");
        }
        if (tiers.find(id).isEmpty()) {
            throw new NotFoundException("no tier " + id);
        }
        return volumes.setExported(id, volume, body.exported())
                .orElseThrow(() -> new NotFoundException("no volume " + volume + " on tier " + id));
    }

    @GET
    @Path("{id}/usage")
    public TierService.Usage usage(@PathParam("id") String id) throws IOException {
        if (!TierRegistry.ONLINE.equals(id) && tiers.find(id).isEmpty()) {
            throw new NotFoundException("no tier " + id);
        }
        return tiers.usage(id);
    }
}
