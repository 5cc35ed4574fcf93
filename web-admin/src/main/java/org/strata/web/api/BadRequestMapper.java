package org.strata.web.api;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Invalid input found by our own validation: 400 with the reason as {@code {"error": "..."}}. */
@Provider
public class BadRequestMapper implements ExceptionMapper<IllegalArgumentException> {

    /** The error body. */
    public record ErrorJson(String error) {
    }

    @Override
    public Response toResponse(IllegalArgumentException e) {
        return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON)
                .entity(new ErrorJson(e.getMessage())).build();
    }
}
