package com.ipmimonitor.rest;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** A 4xx answer with a JSON body that says what was wrong: {"error": "...", "details": [...]}. */
public record ApiError(String error, List<String> details) {

    public static final int MAX_HOURS = 24 * 366;

    public static WebApplicationException of(Response.Status status, String error, List<String> details) {
        return new WebApplicationException(error, Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity(new ApiError(error, details)).build());
    }

    public static WebApplicationException of(Response.Status status, String error) {
        return of(status, error, List.of());
    }

    /** The 500 of an error no mapper understood: JSON like every other /api answer, saying nothing of the cause. */
    public static Response internalError() {
        return Response.serverError().type(MediaType.APPLICATION_JSON)
                .entity(new ApiError("Internal Server Error", List.of())).build();
    }

    /** The 404 of every /api path that names a server by its BMC address. */
    public static WebApplicationException noServer(String bmcIp) {
        return of(Response.Status.NOT_FOUND, "no server with bmc_ip " + bmcIp);
    }

    /** The ?hours= window every read endpoint takes: 1 hour to a year. */
    public static int requireHours(int hours) {
        if (hours < 1 || hours > MAX_HOURS) {
            throw of(Response.Status.BAD_REQUEST, "hours must be between 1 and " + MAX_HOURS);
        }
        return hours;
    }
}
