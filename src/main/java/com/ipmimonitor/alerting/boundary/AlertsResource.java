package com.ipmimonitor.alerting.boundary;

import com.ipmimonitor.alerting.entity.AlertState;
import com.ipmimonitor.rest.ApiError;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** GET /api/alerts?state=firing|resolved|all&limit=100 (anyone), POST /api/alerts/{id}/ack (admin). */
@Path("alerts")
@Produces(MediaType.APPLICATION_JSON)
public class AlertsResource {

    @Inject
    Alerts alerts;

    @GET
    public List<AlertView> list(@QueryParam("state") @DefaultValue("all") String state,
                                @QueryParam("limit") @DefaultValue("100") int limit) {
        if (limit < 1 || limit > Alerts.MAX_LIMIT) {
            throw ApiError.of(Response.Status.BAD_REQUEST, "limit must be between 1 and " + Alerts.MAX_LIMIT);
        }
        return alerts.list(stateOf(state), limit);
    }

    @POST
    @Path("{id}/ack")
    @RolesAllowed("admin")
    public AlertView acknowledge(@PathParam("id") String id, @Context SecurityContext security) {
        return alerts.acknowledge(idOf(id), security.getUserPrincipal().getName())
                .orElseThrow(() -> ApiError.of(Response.Status.NOT_FOUND, "no alert with id " + id));
    }

    private static Optional<AlertState> stateOf(String state) {
        return switch (state.toLowerCase(Locale.ROOT)) {
            case "all" -> Optional.empty();
            case "firing" -> Optional.of(AlertState.FIRING);
            case "resolved" -> Optional.of(AlertState.RESOLVED);
            default -> throw ApiError.of(Response.Status.BAD_REQUEST, "state must be firing, resolved or all");
        };
    }

    /** A path id that is not a number answers 404 like an unknown one (JSON, not the container's page). */
    static long idOf(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw ApiError.of(Response.Status.NOT_FOUND, "no such id: " + id);
        }
    }
}
