package com.ipmimonitor.observability.control;

import java.util.Map;
import java.util.Optional;

/**
 * What the metrics need to know of one server, gathered from the other features' boundaries.
 * failures24h maps a failure kind (UNREACHABLE, AUTH_FAILED, ...) to how many polls ended so.
 */
public record ServerFacts(String bmcIp, String serverName, boolean reachable, boolean powerOn, long eventsTotal,
                          long critical24h, long warning24h, Optional<Double> lastDurationSeconds,
                          Optional<Long> lastSuccessEpoch, Map<String, Long> failures24h) {
}
