package com.ipmimonitor.collection.boundary;

import com.ipmimonitor.fleet.boundary.Servers;
import com.ipmimonitor.fleet.entity.Server;
import com.ipmimonitor.web.api.ApiError;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/** POST /api/collect[?bmc_ip=]: poll now (at the next scheduler tick, within 5 s), admin only. */
@Path("collect")
@Produces(MediaType.APPLICATION_JSON)
public class CollectResource {

    @Inject
    Servers servers;

    @Inject
    PollLeases leases;

    @POST
    @RolesAllowed("admin")
    public Response collect(@QueryParam("bmc_ip") String bmcIp) {
        List<Long> ids;
        if (bmcIp == null || bmcIp.isBlank()) {
            ids = servers.all().stream().map(Server::getId).toList();
        } else {
            ids = List.of(servers.findByBmcIp(bmcIp)
                    .orElseThrow(() -> ApiError.of(Response.Status.NOT_FOUND, "no server with bmc_ip " + bmcIp)).getId());
        }
        int queued = leases.makeDue(ids);
        return Response.accepted(Map.of("status", "queued", "servers", queued)).build();
    }
}
