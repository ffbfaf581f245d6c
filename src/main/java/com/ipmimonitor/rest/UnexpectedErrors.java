package com.ipmimonitor.rest;

import com.ipmimonitor.database.boundary.DatabaseOutage;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Whatever no other mapper takes (they are closer to the exception's type and win): the database out of reach
 * answers 503 {"error": "database unavailable"}, so a script knows to try again, anything else the JSON 500;
 * neither says more (an SQL error's text names hosts, tables and values). The cause goes to the log.
 */
@Provider
public class UnexpectedErrors implements ExceptionMapper<Exception> {

    private static final Logger LOG = Logger.getLogger(UnexpectedErrors.class.getName());
    public static final String DATABASE_UNAVAILABLE = "database unavailable";

    @Override
    public Response toResponse(Exception e) {
        // an EJB wraps what a boundary threw unless it is an application exception: answer what was meant
        for (Throwable t = e.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof WebApplicationException refusal) {
                return new UnhandledErrors().toResponse(refusal);
            }
        }
        if (DatabaseOutage.isCauseOf(e)) {
            LOG.warning("API call refused, the database is unavailable: " + e);
            return Response.status(Response.Status.SERVICE_UNAVAILABLE).type(MediaType.APPLICATION_JSON)
                    .header("Retry-After", "30").entity(new ApiError(DATABASE_UNAVAILABLE, List.of())).build();
        }
        LOG.log(Level.SEVERE, "unhandled error in an API call", e);
        return ApiError.internalError();
    }
}
