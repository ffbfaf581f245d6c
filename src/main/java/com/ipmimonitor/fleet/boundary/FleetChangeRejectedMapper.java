package com.ipmimonitor.fleet.boundary;

import com.ipmimonitor.web.api.ApiError;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A refused fleet change as the API's JSON error: 400 invalid, 404 unknown server, 409 already monitored. */
@Provider
public class FleetChangeRejectedMapper implements ExceptionMapper<FleetChangeRejected> {

    @Override
    public Response toResponse(FleetChangeRejected rejected) {
        Response.Status status = switch (rejected.reason()) {
            case INVALID -> Response.Status.BAD_REQUEST;
            case NOT_FOUND -> Response.Status.NOT_FOUND;
            case CONFLICT -> Response.Status.CONFLICT;
        };
        return Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity(new ApiError(rejected.getMessage(), rejected.details())).build();
    }
}
