package com.ipmimonitor.redfish.entity;

import com.ipmimonitor.ipmi.Severity;
import java.time.Instant;
import java.util.Optional;

/**
 * A LogEntry in neutral terms, comparable with a SEL event read over IPMI.
 *
 * @param severity        from Severity/MessageSeverity (OK is INFO), with the IPMI meaning; INFO when the entry
 *                        reports a condition cleared, as for an IPMI deassertion
 * @param sensorType      the SEL SensorType (Dell), else the vendor's class (HPE IML ClassDescription)
 * @param clearsCondition the entry says a condition ended (Dell EntryCode Deassert, OpenBMC threshold "going
 *                        back" ids): it closes an earlier entry, like an IPMI deassertion
 * @param resolved        the service marked this entry's own condition as over since (Resolved, HPE Repaired)
 * @param condition       the sensor condition the entry raises or clears, where the log says which
 */
public record RedfishEvent(String id, Optional<Instant> created, String message, String messageId,
                           Severity severity, Optional<String> sensorType, boolean clearsCondition, boolean resolved,
                           Optional<EventCondition> condition) {

    public RedfishEvent(String id, Optional<Instant> created, String message, String messageId, Severity severity,
                        Optional<String> sensorType, boolean clearsCondition, boolean resolved) {
        this(id, created, message, messageId, severity, sensorType, clearsCondition, resolved, Optional.empty());
    }
}
