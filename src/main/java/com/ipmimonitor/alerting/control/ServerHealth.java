package com.ipmimonitor.alerting.control;

import com.ipmimonitor.collection.entity.PollOutcome;
import java.time.OffsetDateTime;
import java.util.Optional;

/** What the rules know about one server's collection: its last poll and when it last worked. */
public record ServerHealth(long serverId, String serverName, String bmcIp, boolean enabled,
                           Optional<PollOutcome> lastOutcome, Optional<String> lastError,
                           Optional<OffsetDateTime> lastSuccessAt, OffsetDateTime createdAt) {

    /** The answers that mean "we cannot talk to this BMC", as opposed to a BMC that answered something odd. */
    public boolean unreachable() {
        return lastOutcome.map(o -> o == PollOutcome.UNREACHABLE || o == PollOutcome.AUTH_FAILED
                || o == PollOutcome.TIMEOUT).orElse(false);
    }

    public String label() {
        return serverName + " (" + bmcIp + ")";
    }
}
