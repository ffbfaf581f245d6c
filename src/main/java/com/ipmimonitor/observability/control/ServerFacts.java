package com.ipmimonitor.observability.control;

import java.util.Map;
import java.util.Optional;

/**
 * What the metrics need to know of one server, gathered from the other features' boundaries.
 * failures24h maps a failure kind (UNREACHABLE, AUTH_FAILED, ...) to how many polls ended so; selUsedRatio is
 * how full the BMC's SEL is (SelFill: 1 once it overflowed), empty when the BMC never said. protocol is how the
 * BMC is read: what an auto probe found, else the configured one (ipmi, redfish, or auto before the probe).
 */
public record ServerFacts(String bmcIp, String serverName, boolean reachable, boolean powerOn, long eventsTotal,
                          long critical24h, long warning24h, Optional<Double> lastDurationSeconds,
                          Optional<Long> lastSuccessEpoch, Map<String, Long> failures24h, Optional<Double> selUsedRatio,
                          String protocol) {

    public ServerFacts(String bmcIp, String serverName, boolean reachable, boolean powerOn, long eventsTotal,
                       long critical24h, long warning24h, Optional<Double> lastDurationSeconds,
                       Optional<Long> lastSuccessEpoch, Map<String, Long> failures24h, Optional<Double> selUsedRatio) {
        this(bmcIp, serverName, reachable, powerOn, eventsTotal, critical24h, warning24h, lastDurationSeconds,
                lastSuccessEpoch, failures24h, selUsedRatio, "ipmi");
    }

    public ServerFacts(String bmcIp, String serverName, boolean reachable, boolean powerOn, long eventsTotal,
                       long critical24h, long warning24h, Optional<Double> lastDurationSeconds,
                       Optional<Long> lastSuccessEpoch, Map<String, Long> failures24h) {
        this(bmcIp, serverName, reachable, powerOn, eventsTotal, critical24h, warning24h, lastDurationSeconds,
                lastSuccessEpoch, failures24h, Optional.empty());
    }
}
