package com.ipmimonitor.collection.boundary;

import com.ipmimonitor.fleet.boundary.Servers;
import com.ipmimonitor.fleet.entity.Server;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Clears BMC SELs for the API and the settings page. A SEL is cleared only by a poll that first stored every
 * record (the original cleared first and lost whatever it had not read yet), under the server's lease so that
 * no scheduled poll runs beside it.
 */
@ApplicationScoped
public class SelClearing {

    @Inject
    Servers servers;

    @Inject
    PollLeases leases;

    @Inject
    Collector collector;

    @Inject
    CollectionConfig config;

    /** Empty when a poll of the server is running right now. */
    public Optional<SelClearResult> clear(Server server) {
        if (!leases.claimOne(server.getId(), config.instanceId(), config.leaseDuration())) {
            return Optional.empty();
        }
        try {
            return Optional.of(collector.archiveAndClear(server));
        } finally {
            leases.release(server.getId(), config.instanceId());
        }
    }

    /** Every enabled server, one after the other. */
    public List<SelClearResult> clearAll() {
        List<SelClearResult> results = new ArrayList<>();
        for (Server s : servers.all()) {
            if (s.isEnabled()) {
                results.add(clear(s).orElse(new SelClearResult(s.getBmcIp(), false, "a poll is running; not cleared")));
            }
        }
        return results;
    }
}
