package com.ipmimonitor.fleet.boundary;

import com.ipmimonitor.collection.boundary.ServerStatuses;
import com.ipmimonitor.collection.entity.ServerStatus;
import com.ipmimonitor.events.boundary.SystemEvents;
import com.ipmimonitor.events.entity.Severity;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every server with its last poll and its event counts in a time window: the dashboard and /api/servers. */
@Stateless
public class FleetOverview {

    @Inject
    Servers servers;

    @Inject
    ServerStatuses statuses;

    @Inject
    SystemEvents events;

    public List<ServerView> servers(int hours) {
        Map<Long, ServerStatus> status = statuses.all();
        Map<Long, Map<Severity, Long>> counts = events.countsBySeverity(hours);
        return servers.all().stream().map(s -> ServerView.of(s, Optional.ofNullable(status.get(s.getId())),
                counts.getOrDefault(s.getId(), Map.of()))).toList();
    }

    /** One server with its last poll and its event counts of the last hours. */
    public Optional<ServerView> find(String bmcIp, int hours) {
        return servers.findByBmcIp(bmcIp).map(s -> ServerView.of(s, statuses.find(s.getId()),
                events.countsBySeverity(s.getId(), hours)));
    }
}
