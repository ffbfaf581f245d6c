package com.ipmimonitor.fleet.boundary;

import jakarta.ejb.ApplicationException;
import java.util.List;

/**
 * A change to the fleet that was refused and wrote nothing; details say what to fix (one line per problem,
 * with line numbers for imports). The API answers it as 400/404/409 JSON, the settings page as form messages.
 */
@ApplicationException(rollback = true)
public class FleetChangeRejected extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public enum Reason { INVALID, NOT_FOUND, CONFLICT }

    private final Reason reason;
    private final List<String> details;

    public FleetChangeRejected(Reason reason, String message, List<String> details) {
        super(message);
        this.reason = reason;
        this.details = List.copyOf(details);
    }

    public FleetChangeRejected(Reason reason, String message) {
        this(reason, message, List.of());
    }

    static FleetChangeRejected noServer(String bmcIp) {
        return new FleetChangeRejected(Reason.NOT_FOUND, "no server with bmc_ip " + bmcIp);
    }

    public Reason reason() {
        return reason;
    }

    public List<String> details() {
        return details;
    }
}
