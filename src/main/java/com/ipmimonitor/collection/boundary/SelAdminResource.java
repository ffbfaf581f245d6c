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
import java.util.List;
import java.util.Map;

/** Destructive SEL actions, admin only (see SelClearing); clearing a BMC's SEL never touches stored history. */
@Path("")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
public class SelAdminResource {

    @Inject
    Servers servers;

    @Inject
    SelClearing clearing;

    @Inject
    SystemEvents events;

    @POST
    @Path("server/{bmcIp}/clear_sel")
    public Response clearSel(@PathParam("bmcIp") String bmcIp) {
        SelClearResult result = clearing.clear(server(bmcIp))
                .orElseThrow(() -> ApiError.of(Response.Status.CONFLICT, "a poll of " + bmcIp + " is running; try again"));
        return Response.status(result.cleared() ? Response.Status.OK : Response.Status.BAD_GATEWAY).entity(result).build();
    }

    @POST
    @Path("clear_all_sel")
    public List<SelClearResult> clearAll() {
        return clearing.clearAll();
    }

    @POST
    @Path("server/{bmcIp}/clear_db_events")
    public Map<String, Object> clearDbEvents(@PathParam("bmcIp") String bmcIp) {
        Server server = server(bmcIp);
        return Map.of("bmc_ip", bmcIp, "deleted_events", events.deleteOf(server.getId()));
    }

    private Server server(String bmcIp) {
        return servers.findByBmcIp(bmcIp)
                .orElseThrow(() -> ApiError.noServer(bmcIp));
    }
}
