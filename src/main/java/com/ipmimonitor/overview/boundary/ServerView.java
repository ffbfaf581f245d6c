package com.ipmimonitor.overview.boundary;

import com.ipmimonitor.collection.entity.SelFill;
import com.ipmimonitor.ipmi.Severity;
import com.ipmimonitor.fleet.entity.Server;
import java.time.OffsetDateTime;
import java.util.Map;

/**
 * One server as the API shows it: never its credentials, only whether it has its own. The original API's names
 * come along with this monitor's: {@code critical, warning, info, total} (the window's counts, as
 * {@code *_count}), {@code total_events} (all stored events), {@code id} and {@code is_default}, always false
 * here (the original marked servers of its built-in fleet list, which this monitor has not). selPercentUsed and
 * selOverflow are what the BMC's sel info said at the last poll (null / false when not known); cipherSuite is the
 * one polls use (the server's own, else the one that worked), null when the configured default applies.
 */
public record ServerView(String bmcIp, int port, String serverName, String serverIp, boolean enabled,
                         boolean useNvidiaPassword, boolean hasIpmiPassword, String notes, String powerStatus,
                         boolean isReachable, String lastOutcome, String lastError, OffsetDateTime lastCheck,
                         OffsetDateTime lastSuccess, Integer selEntries, long criticalCount, long warningCount,
                         long infoCount, long totalCount, Integer selPercentUsed, boolean selOverflow,
                         Integer cipherSuite, long id, boolean isDefault, long critical, long warning,
                         long info, long total, long totalEvents, String protocol) {

    /** protocol: how the BMC is read (ipmi, redfish or auto), ipmi for views made without it. */
    public ServerView(String bmcIp, int port, String serverName, String serverIp, boolean enabled,
                      boolean useNvidiaPassword, boolean hasIpmiPassword, String notes, String powerStatus,
                      boolean isReachable, String lastOutcome, String lastError, OffsetDateTime lastCheck,
                      OffsetDateTime lastSuccess, Integer selEntries, long criticalCount, long warningCount,
                      long infoCount, long totalCount, Integer selPercentUsed, boolean selOverflow,
                      Integer cipherSuite, long id, boolean isDefault, long critical, long warning,
                      long info, long total, long totalEvents) {
        this(bmcIp, port, serverName, serverIp, enabled, useNvidiaPassword, hasIpmiPassword, notes, powerStatus,
                isReachable, lastOutcome, lastError, lastCheck, lastSuccess, selEntries, criticalCount, warningCount,
                infoCount, totalCount, selPercentUsed, selOverflow, cipherSuite, id, isDefault, critical, warning,
                info, total, totalEvents, "ipmi");
    }

    /** How full the BMC's SEL is (not a JSON field: JSON-B maps the record's components only). */
    public SelFill selFill() {
        return new SelFill(selPercentUsed, selOverflow);
    }

    /** A server just added: never polled, no events. */
    public static ServerView added(Server s) {
        return new Row(s.getId(), s.getBmcIp(), s.getBmcPort(), s.getName(), s.getServerIp(), s.isEnabled(), s.isNvidia(),
                s.hasIpmiPassword(), s.getNotes(), null, false, null, null, null, null, null, SelFill.UNKNOWN,
                s.findCipherSuite().orElse(null), s.getProtocol().code()).with(Map.of(), 0);
    }

    /** What a server and its last poll say (null where never polled), before the event counts are added. */
    record Row(long id, String bmcIp, int port, String serverName, String serverIp, boolean enabled,
               boolean useNvidiaPassword, boolean hasIpmiPassword, String notes, String powerState, boolean isReachable,
               String lastOutcome, String lastError, OffsetDateTime lastCheck, OffsetDateTime lastSuccess,
               Integer selEntries, SelFill selFill, Integer cipherSuite, String protocol) {

        ServerView with(Map<Severity, Long> counts, long totalEvents) {
            long critical = counts.getOrDefault(Severity.CRITICAL, 0L);
            long warning = counts.getOrDefault(Severity.WARNING, 0L);
            long info = counts.getOrDefault(Severity.INFO, 0L);
            long total = critical + warning + info;
            return new ServerView(bmcIp, port, serverName, serverIp, enabled, useNvidiaPassword, hasIpmiPassword, notes,
                    powerState == null ? "UNKNOWN" : powerState, isReachable, lastOutcome, lastError, lastCheck,
                    lastSuccess, selEntries, critical, warning, info, total, selFill.percentUsed(),
                    selFill.overflow(), cipherSuite, id, false, critical, warning, info, total, totalEvents,
                    protocol == null ? "ipmi" : protocol);
        }
    }
}
