package com.ipmimonitor.fleet.boundary;

import com.ipmimonitor.collection.entity.ServerStatus;
import com.ipmimonitor.events.entity.Severity;
import com.ipmimonitor.fleet.entity.Server;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;

/**
 * One server as the API shows it: never its credentials, only whether it has its own. The original API's names
 * come along with this monitor's: {@code critical, warning, info, total} (the window's counts, as
 * {@code *_count}), {@code total_events} (all stored events), {@code id} and {@code is_default}, always false
 * here (the original marked servers of its built-in fleet list, which this monitor has not).
 */
public record ServerView(String bmcIp, int port, String serverName, String serverIp, boolean enabled,
                         boolean useNvidiaPassword, boolean hasIpmiPassword, String notes, String powerStatus,
                         boolean isReachable, String lastOutcome, String lastError, OffsetDateTime lastCheck,
                         OffsetDateTime lastSuccess, Integer selEntries, long criticalCount, long warningCount,
                         long infoCount, long totalCount, long id, boolean isDefault, long critical, long warning,
                         long info, long total, long totalEvents) {

    public static ServerView of(Server s, Optional<ServerStatus> status, Map<Severity, Long> counts, long totalEvents) {
        return new Row(s.getId(), s.getBmcIp(), s.getBmcPort(), s.getName(), s.getServerIp(), s.isEnabled(), s.isNvidia(),
                s.hasIpmiPassword(), s.getNotes(),
                status.flatMap(ServerStatus::findPowerState).orElse(null),
                status.map(ServerStatus::isReachable).orElse(false),
                status.flatMap(ServerStatus::findLastOutcome).map(Enum::name).orElse(null),
                status.flatMap(ServerStatus::findLastError).orElse(null),
                status.flatMap(ServerStatus::findLastAttemptAt).orElse(null),
                status.flatMap(ServerStatus::findLastSuccessAt).orElse(null),
                status.flatMap(ServerStatus::findSelEntries).orElse(null)).with(counts, totalEvents);
    }

    /** What a server and its last poll say (null where never polled), before the event counts are added. */
    record Row(long id, String bmcIp, int port, String serverName, String serverIp, boolean enabled,
               boolean useNvidiaPassword, boolean hasIpmiPassword, String notes, String powerState, boolean isReachable,
               String lastOutcome, String lastError, OffsetDateTime lastCheck, OffsetDateTime lastSuccess,
               Integer selEntries) {

        ServerView with(Map<Severity, Long> counts, long totalEvents) {
            long critical = counts.getOrDefault(Severity.CRITICAL, 0L);
            long warning = counts.getOrDefault(Severity.WARNING, 0L);
            long info = counts.getOrDefault(Severity.INFO, 0L);
            long total = critical + warning + info;
            return new ServerView(bmcIp, port, serverName, serverIp, enabled, useNvidiaPassword, hasIpmiPassword, notes,
                    powerState == null ? "UNKNOWN" : powerState, isReachable, lastOutcome, lastError, lastCheck,
                    lastSuccess, selEntries, critical, warning, info, total, id, false, critical, warning, info, total,
                    totalEvents);
        }
    }
}
