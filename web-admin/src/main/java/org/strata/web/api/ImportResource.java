package org.strata.web.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.strata.ejb.media.ImportJob;
import org.strata.media.ImportService;

/**
 * {@code /strata/api/import}: imports of media on the server (folder, DICOMDIR, ISO, ZIP, dcm4chee
 * 2.x TAR volume) through the normal ingest path, as jobs with progress and counts.
 */
@Path("import")
@Produces(MediaType.APPLICATION_JSON)
public class ImportResource {

    /** POST body. */
    public record ImportBody(String path) {
    }

    public record IdJson(String id) {
    }

    /** An import: state QUEUED, RUNNING, DONE or FAILED; files planned, tried and their outcomes. */
    public record ImportJson(String id, String path, String kind, String state, boolean fromDicomdir, int total,
                             int processed, int imported, int duplicate, int failed, List<String> errors,
                             String detail, String createdAt, String updatedAt) {
        static ImportJson of(ImportJob j) {
            return new ImportJson(j.getId(), j.getPath(), j.getKind(), j.getState().name(), j.isFromDicomdir(),
                    j.getTotal(), j.getProcessed(), j.getImported(), j.getDuplicate(), j.getFailed(),
                    j.errorLines(), j.getDetail(), j.getCreatedAt().toString(), j.getUpdatedAt().toString());
        }
    }

    @Inject
    ImportService imports;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(ImportBody body) {
        String id = imports.submit(body == null ? null : body.path());
        return Response.status(Response.Status.CREATED).entity(new IdJson(id)).build();
    }

    @GET
    public List<ImportJson> list(@QueryParam("max") Integer max) {
        return imports.recent(max == null ? 100 : Math.max(1, Math.min(max, 1000))).stream().map(ImportJson::of)
                .toList();
    }

    @GET
    @Path("{id}")
    public ImportJson get(@PathParam("id") String id) {
        return imports.find(id).map(ImportJson::of).orElseThrow(() -> new NotFoundException("no import " + id));
    }
}
