package com.ipmimonitor.overview.boundary;

import com.ipmimonitor.rest.JsonConfiguration;
import java.util.List;
import java.util.Optional;

/**
 * The fleet as read at one moment: every server with its last poll and event counts, and its JSON for GET
 * /api/servers, written once for all requests that are answered from this reading.
 */
public final class FleetListing {

    private final List<ServerView> servers;
    private volatile byte[] json;

    FleetListing(List<ServerView> servers) {
        this.servers = List.copyOf(servers);
    }

    public List<ServerView> servers() {
        return servers;
    }

    public Optional<ServerView> find(String bmcIp) {
        return servers.stream().filter(s -> s.bmcIp().equals(bmcIp)).findFirst();
    }

    /** The list as the API writes it (snake_case JSON-B), made at the first request that asks. */
    public byte[] json() {
        byte[] written = json;
        if (written == null) {
            written = JsonConfiguration.utf8(servers);
            json = written;
        }
        return written;
    }
}
