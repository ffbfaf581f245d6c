package com.ipmimonitor.fleet.boundary;

import com.ipmimonitor.rest.ChangeRejected;
import java.util.List;

/**
 * A change to the fleet that was refused and wrote nothing; details say what to fix (one line per problem,
 * with line numbers for imports). The API answers it as 400/404/409 JSON, the settings page as form messages.
 */
public class FleetChangeRejected extends ChangeRejected {

    private static final long serialVersionUID = 1L;

    public FleetChangeRejected(Reason reason, String message, List<String> details) {
        super(reason, message, details);
    }

    public FleetChangeRejected(Reason reason, String message) {
        this(reason, message, List.of());
    }

    static FleetChangeRejected noServer(String bmcIp) {
        return new FleetChangeRejected(Reason.NOT_FOUND, "no server with bmc_ip " + bmcIp);
    }
}
