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
import jakarta.ws.rs.core.StreamingOutput;
import java.nio.file.Files;
import java.util.List;
import java.util.Objects;
import org.strata.ejb.media.MediaOrder;
import org.strata.ejb.media.MediaRequest;
import org.strata.media.MediaCreationService;
import org.strata.media.ZipImage;

/**
 * {@code /strata/api/media}: Media Creation Requests (PS3.4 Annex S) over REST. A request made here
 * is the same object as one made by N-CREATE: its id is the request's SOP Instance UID.
 */
@Path("media")
@Produces(MediaType.APPLICATION_JSON)
public class MediaResource {

    /** POST body. */
    public record MediaBody(List<String> studies, List<String> instances, String profile, String output,
                            Integer copies, String label, String fileSetId, Boolean allowSplitting,
                            String barcode, Boolean viewer) {
    }

    public record IdJson(String id) {
    }

    public record PieceJson(int number, String url, long sizeBytes) {
    }

    /** GET answer: state, progress (instances written / total), pieces. */
    public record MediaJson(String id, String status, String statusInfo, String statusDetail, String profile,
                            String output, int copies, int total, int written, int numberOfPieces,
                            List<PieceJson> pieces, List<String> failedSopInstanceUids) {
    }

    @Inject
    MediaCreationService media;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(MediaBody body) {
        if (body == null) {
            throw new IllegalArgumentException("body must be {\"studies\": [...] | \"instances\": [...], "
                    + "\"profile\": \"STD-GEN-CD\", \"output\": \"iso|zip|folder|burner\", \"copies\": 1, \"label\": \"...\", "
                    + "\"barcode\": \"...\", \"viewer\": true}");
        }
        MediaOrder order = new MediaOrder(body.studies(), body.instances(),
                Objects.requireNonNullElse(body.profile(), "STD-GEN-CD"), Objects.requireNonNullElse(body.output(), "iso"),
                Objects.requireNonNullElse(body.copies(), 1), body.label(), body.fileSetId(),
                !Boolean.FALSE.equals(body.allowSplitting()), body.barcode(), Boolean.TRUE.equals(body.viewer()));
        String id = media.createAndInitiate(order);
        return Response.status(Response.Status.CREATED).entity(new IdJson(id)).build();
    }

    @GET
    @Path("{id}")
    public MediaJson get(@PathParam("id") String id) {
        MediaRequest r = media.find(id).orElseThrow(() -> new NotFoundException("no media request " + id));
        List<PieceJson> pieces = media.pieces(id).stream().map(p -> new PieceJson(p.number(),
                "/strata/api/media/" + id + "/pieces/" + p.number(), p.folder() ? -1 : size(p.path()))).toList();
        MediaOrder order = r.order();
        return new MediaJson(id, r.getStatus().name(), r.getStatusInfo(), r.getStatusDetail(), order.profile(),
                order.output(), order.copies(), r.getTotal(), r.getWritten(), r.getPieces(), pieces, r.getFailedUids());
    }

    @GET
    @Path("{id}/pieces/{n}")
    @Produces({"application/octet-stream", "application/zip"})
    public Response piece(@PathParam("id") String id, @PathParam("n") int n) {
        MediaCreationService.Piece piece = media.pieces(id).stream().filter(p -> p.number() == n).findFirst()
                .orElseThrow(() -> new NotFoundException("no piece " + n + " of media request " + id));
        if (piece.folder()) {
            StreamingOutput zip = out -> ZipImage.stream(piece.path(), out);
            return Response.ok(zip, "application/zip")
                    .header("Content-Disposition", "attachment; filename=\"PIECE" + n + ".zip\"").build();
        }
        String name = piece.path().getFileName().toString();
        StreamingOutput file = out -> Files.copy(piece.path(), out);
        return Response.ok(file, name.endsWith(".ZIP") ? "application/zip" : "application/octet-stream")
                .header("Content-Length", size(piece.path()))
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"").build();
    }

    @POST
    @Path("{id}/cancel")
    public Response cancel(@PathParam("id") String id) {
        return switch (media.cancel(id)) {
            case CANCELLED -> Response.ok(new IdJson(id)).build();
            case NO_SUCH_REQUEST -> throw new NotFoundException("no media request " + id);
            case ALREADY_COMPLETED -> Response.status(Response.Status.CONFLICT)
                    .entity(new BadRequestMapper.ErrorJson("media request " + id + " is already completed")).build();
        };
    }

    private static long size(java.nio.file.Path p) {
        try {
            return Files.size(p);
        } catch (java.io.IOException e) {
            return -1;
        }
    }
}
