package com.ipmimonitor.sensors.boundary;

import com.ipmimonitor.fleet.boundary.Servers;
import com.ipmimonitor.fleet.entity.Server;
import com.ipmimonitor.sensors.entity.PowerDraw;
import com.ipmimonitor.rest.ApiError;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;
import java.util.List;

/** GET /api/power/{bmc_ip}?hours=24: DCMI power readings (empty for BMCs without DCMI). */
@Path("power/{bmcIp}")
@Produces(MediaType.APPLICATION_JSON)
public class PowerResource {

    public record PowerView(int currentWatts, Integer minWatts, Integer maxWatts, Integer avgWatts,
                            OffsetDateTime collectedAt) {
        static PowerView of(PowerDraw p) {
            return new PowerView(p.getCurrentWatts(), p.getMinWatts(), p.getMaxWatts(), p.getAvgWatts(), p.getCollectedAt());
        }
    }

    @Inject
    Servers servers;

    @Inject
    SensorReadings readings;

    @GET
    public List<PowerView> power(@PathParam("bmcIp") String bmcIp, @QueryParam("hours") @DefaultValue("24") int hours) {
        ApiError.requireHours(hours);
        Server server = servers.findByBmcIp(bmcIp)
                .orElseThrow(() -> ApiError.noServer(bmcIp));
        return readings.powerOf(server.getId(), hours).stream().map(PowerView::of).toList();
    }
}
