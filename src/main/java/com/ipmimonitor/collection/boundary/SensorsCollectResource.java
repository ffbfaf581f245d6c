package com.ipmimonitor.collection.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/**
 * POST /api/sensors/collect, the original's "read the sensors now". Sensors are read by every poll, so this polls
 * every server now; it lives with the polling rather than in sensors, which then needs nothing of collection.
 */
@Path("sensors/collect")
@Produces(MediaType.APPLICATION_JSON)
public class SensorsCollectResource {

    @Inject
    PollLeases leases;

    @POST
    @RolesAllowed("admin")
    public Response collect() {
        int queued = leases.makeAllDue();
        return Response.accepted(Map.of("status", "Sensor collection started", "servers", queued)).build();
    }
}
