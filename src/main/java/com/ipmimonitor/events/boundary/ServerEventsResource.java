package com.ipmimonitor.events.boundary;

import com.ipmimonitor.fleet.boundary.Servers;
import com.ipmimonitor.fleet.entity.Server;
import com.ipmimonitor.rest.ApiError;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** GET /api/server/{bmc_ip}/events: the stored SEL history of one server, newest first. */
@Path("server/{bmcIp}/events")
@Produces(MediaType.APPLICATION_JSON)
public class ServerEventsResource {

    @Inject
    Servers servers;

    @Inject
    SystemEvents events;

    @GET
    public List<EventView> events(@PathParam("bmcIp") String bmcIp, @QueryParam("limit") @DefaultValue("500") int limit) {
        if (limit < 1 || limit > 100_000) {
            throw ApiError.of(Response.Status.BAD_REQUEST, "limit must be between 1 and 100000");
        }
        Server server = servers.findByBmcIp(bmcIp)
                .orElseThrow(() -> ApiError.noServer(bmcIp));
        return events.ofServer(server.getId(), limit).stream()
                .map(e -> EventView.of(e, server.getBmcIp(), server.getName())).toList();
    }
}
