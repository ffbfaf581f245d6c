package com.ipmimonitor.alerting.control;

import com.ipmimonitor.ipmi.Severity;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * One notice to a channel: an alert firing or resolved (or a test). link is the alert's page in the monitor when
 * ALERT_BASE_URL is set (Alertmanager's generatorURL).
 */
public record Notification(long alertId, String alertName, String rule, Severity severity, boolean resolved,
                           String serverName, String bmcIp, String summary, String description,
                           OffsetDateTime startedAt, Optional<OffsetDateTime> resolvedAt, Optional<String> link,
                           boolean test) {

    /** What "send test notification" sends: clearly a test, resolved at once so no receiver keeps it firing. */
    public static Notification test(String channelName, OffsetDateTime now, Optional<String> link) {
        return new Notification(0, "IpmiMonitorTest", "test", Severity.INFO, false, "ipmi-monitor", "-",
                "Test notification from IPMI Monitor to channel " + channelName,
                "Sent by an administrator to check that this channel works. Nothing is wrong.", now,
                Optional.empty(), link, true);
    }

    public String status() {
        return resolved ? "resolved" : "firing";
    }
}
