package com.ipmimonitor.collection.boundary;

import com.ipmimonitor.events.boundary.SystemEvents;
import com.ipmimonitor.fleet.boundary.Servers;
import com.ipmimonitor.fleet.entity.Server;
import com.ipmimonitor.web.api.ApiError;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Destructive SEL actions, admin only. A BMC's SEL is cleared only after a successful poll stored every record
 * (the original cleared first and lost whatever it had not read yet); stored history is never touched by it.
 */
@Path("")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
public class SelAdminResource {

    @Inject
    Servers servers;

    @Inject
    PollLeases leases;

    @Inject
    Collector collector;

    @Inject
    CollectionConfig config;

    @Inject
    SystemEvents events;

    @POST
    @Path("server/{bmcIp}/clear_sel")
    public Response clearSel(@PathParam("bmcIp") String bmcIp) {
        SelClearResult result = clear(server(bmcIp))
                .orElseThrow(() -> ApiError.of(Response.Status.CONFLICT, "a poll of " + bmcIp + " is running; try again"));
        return Response.status(result.cleared() ? Response.Status.OK : Response.Status.BAD_GATEWAY).entity(result).build();
    }

    @POST
    @Path("clear_all_sel")
    public List<SelClearResult> clearAll() {
        List<SelClearResult> results = new ArrayList<>();
        for (Server s : servers.all()) {
            if (s.isEnabled()) {
                results.add(clear(s).orElse(new SelClearResult(s.getBmcIp(), false, "a poll is running; not cleared")));
            }
        }
        return results;
    }

    @POST
    @Path("server/{bmcIp}/clear_db_events")
    public Map<String, Object> clearDbEvents(@PathParam("bmcIp") String bmcIp) {
        Server server = server(bmcIp);
        return Map.of("bmc_ip", bmcIp, "deleted_events", events.deleteOf(server.getId()));
    }

    private java.util.Optional<SelClearResult> clear(Server server) {
        if (!leases.claimOne(server.getId(), config.instanceId(), config.leaseDuration())) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(collector.archiveAndClear(server));
        } finally {
            leases.release(server.getId(), config.instanceId());
        }
    }

    private Server server(String bmcIp) {
        return servers.findByBmcIp(bmcIp)
                .orElseThrow(() -> ApiError.noServer(bmcIp));
    }
}
