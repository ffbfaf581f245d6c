package com.ipmimonitor.sensors.boundary;

import com.ipmimonitor.fleet.boundary.Servers;
import com.ipmimonitor.fleet.entity.Server;
import com.ipmimonitor.web.api.ApiError;
import jakarta.inject.Inject;
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
@Path("sensors/{bmcIp}")
@Produces(MediaType.APPLICATION_JSON)
public class SensorsResource {

    @Inject
    Servers servers;

    @Inject
    SensorReadings readings;

    @GET
    public List<SensorView> latest(@PathParam("bmcIp") String bmcIp) {
        return readings.latestOf(server(bmcIp).getId()).stream().map(SensorView::of).toList();
    }

    /** {"50": "CPU1_ECC1", ...}: hex sensor number (as in "Memory #0x50") to SDR name. */
    @GET
    @Path("names")
    public Map<String, String> names(@PathParam("bmcIp") String bmcIp) {
        Map<String, String> names = new TreeMap<>();
        readings.namesOf(server(bmcIp).getId()).forEach((n, name) -> names.put(String.format("%02X", n), name));
        return names;
    }

    private Server server(String bmcIp) {
        return servers.findByBmcIp(bmcIp)
                .orElseThrow(() -> ApiError.of(Response.Status.NOT_FOUND, "no server with bmc_ip " + bmcIp));
    }
}
