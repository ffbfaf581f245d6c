package com.ipmimonitor.overview.boundary;

import com.ipmimonitor.events.boundary.EventQueries;
import com.ipmimonitor.rest.ApiError;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** GET /api/stats?hours=24: the numbers of the dashboard's stat cards, under the original's names and this monitor's. */
@Path("stats")
@Produces(MediaType.APPLICATION_JSON)
public class StatsResource {

    @Inject
    FleetOverview overview;

    @Inject
    EventQueries events;

    @GET
    public Map<String, Object> stats(@QueryParam("hours") @DefaultValue("24") int hours) {
        ApiError.requireHours(hours);
        List<ServerView> servers = overview.servers(hours);
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("total_servers", servers.size());
        stats.put("reachable_servers", servers.stream().filter(ServerView::isReachable).count());
        Map<String, Long> counts = events.stats(hours);
        stats.putAll(counts);
        // the original's names for the same window counts
        stats.put("total", counts.get("total_events"));
        stats.put("critical", counts.get("critical_events"));
        stats.put("warning", counts.get("warning_events"));
        stats.put("info", counts.get("info_events"));
        stats.put("hours", hours);
        return stats;
    }
}
