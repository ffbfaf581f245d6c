package com.ipmimonitor.sensors.boundary;

import com.ipmimonitor.collection.boundary.PollLeases;
import com.ipmimonitor.fleet.boundary.Servers;
import com.ipmimonitor.fleet.entity.Server;
import com.ipmimonitor.web.api.ApiError;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Latest sensor readings and the sensor-number-to-name map of one server. */
@Path("sensors")
@Produces(MediaType.APPLICATION_JSON)
public class SensorsResource {

    @Inject
    Servers servers;

    @Inject
    SensorReadings readings;

    @Inject
    PollLeases leases;

    @GET
    @Path("{bmcIp}")
    public List<SensorView> latest(@PathParam("bmcIp") String bmcIp) {
        return readings.latestOf(server(bmcIp).getId()).stream().map(SensorView::of).toList();
    }

    /** {"50": "CPU1_ECC1", ...}: hex sensor number (as in "Memory #0x50") to SDR name. */
    @GET
    @Path("{bmcIp}/names")
    public Map<String, String> names(@PathParam("bmcIp") String bmcIp) {
        Map<String, String> names = new TreeMap<>();
        readings.namesOf(server(bmcIp).getId()).forEach((n, name) -> names.put(String.format("%02X", n), name));
        return names;
    }

    /** POST /api/sensors/collect: sensors are read by every poll, so this polls every server now. */
    @POST
    @Path("collect")
    @RolesAllowed("admin")
    public Response collect() {
        int queued = leases.makeAllDue();
        return Response.accepted(Map.of("status", "queued", "servers", queued)).build();
    }

    @GET
    @Path("{bmcIp}/history")
    public List<SensorView> history(@PathParam("bmcIp") String bmcIp, @QueryParam("hours") @DefaultValue("24") int hours,
                                    @QueryParam("sensor") String sensor) {
        ApiError.requireHours(hours);
        return readings.historyOf(server(bmcIp).getId(), hours, sensor).stream().map(SensorView::of).toList();
    }

    private Server server(String bmcIp) {
        return servers.findByBmcIp(bmcIp)
                .orElseThrow(() -> ApiError.noServer(bmcIp));
    }
}
