package org.strata.web.api;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.strata.ejb.hsm.HsmConflictException;

/** A change refused in the current state: 409 with the reason as {@code {"error": "..."}}. */
@Provider
public class ConflictMapper implements ExceptionMapper<HsmConflictException> {

    @Override
    public Response toResponse(HsmConflictException e) {
        return Response.status(Response.Status.CONFLICT).type(MediaType.APPLICATION_JSON)
                .entity(new BadRequestMapper.ErrorJson(e.getMessage())).build();
    }
}
