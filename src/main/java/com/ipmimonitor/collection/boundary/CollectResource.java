package com.ipmimonitor.collection.boundary;

import com.ipmimonitor.fleet.boundary.Servers;
import com.ipmimonitor.web.api.ApiError;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
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
        boolean all = bmcIp == null || bmcIp.isBlank();
        int queued = all ? leases.makeAllDue()
                : leases.makeDue(servers.findByBmcIp(bmcIp).orElseThrow(() -> ApiError.noServer(bmcIp)).getId());
        // the original's status text; servers says how many were queued
        String status = all ? "Collection started" : "Collection started for " + bmcIp;
        return Response.accepted(Map.of("status", status, "servers", queued)).build();
    }
}
