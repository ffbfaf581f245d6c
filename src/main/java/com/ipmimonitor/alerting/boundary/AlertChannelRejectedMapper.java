package com.ipmimonitor.alerting.boundary;

import com.ipmimonitor.web.api.ApiError;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A refused channel change as the API's JSON error. */
@Provider
public class AlertChannelRejectedMapper implements ExceptionMapper<AlertChannelRejected> {

    @Override
    public Response toResponse(AlertChannelRejected rejected) {
        Response.Status status = switch (rejected.reason()) {
            case INVALID -> Response.Status.BAD_REQUEST;
            case NOT_FOUND -> Response.Status.NOT_FOUND;
            case CONFLICT -> Response.Status.CONFLICT;
        };
        return Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity(new ApiError(rejected.getMessage(), rejected.details())).build();
    }
}
