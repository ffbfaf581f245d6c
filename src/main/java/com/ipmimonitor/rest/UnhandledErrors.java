package com.ipmimonitor.rest;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/** Every error under /api answers JSON, never an HTML error page. */
@Provider
public class UnhandledErrors implements ExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException e) {
        Response r = e.getResponse();
        if (r.hasEntity()) {
            return r;
        }
        return Response.status(r.getStatus()).type(MediaType.APPLICATION_JSON)
                .entity(new ApiError(r.getStatusInfo().getReasonPhrase(), List.of())).build();
    }
}
