package com.ipmimonitor.rest;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A refused change as the API's JSON error: 400 invalid, 404 unknown, 409 conflicting with what exists. */
@Provider
public class ChangeRejectedMapper implements ExceptionMapper<ChangeRejected> {

    @Override
    public Response toResponse(ChangeRejected rejected) {
        Response.Status status = switch (rejected.reason()) {
            case INVALID -> Response.Status.BAD_REQUEST;
            case NOT_FOUND -> Response.Status.NOT_FOUND;
            case CONFLICT -> Response.Status.CONFLICT;
        };
        return Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity(new ApiError(rejected.getMessage(), rejected.details())).build();
    }
}
