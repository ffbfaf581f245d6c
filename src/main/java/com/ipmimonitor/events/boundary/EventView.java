package com.ipmimonitor.events.boundary;

import com.ipmimonitor.events.entity.SelEvent;
import java.time.OffsetDateTime;

/**
 * One stored SEL event as the API shows it. eventDate is null for a record without a time: Pre-Init (preInit),
 * or an OEM record without a timestamp (timestamped false); eventDirection is null for OEM records.
 */
public record EventView(long id, String bmcIp, String serverName, int selId, OffsetDateTime eventDate, boolean preInit,
                        String sensorType, String sensorNumber, String sensorName, String eventDescription,
                        String eventDirection, String eventData, String severity, String summary, String rawEntry,
                        OffsetDateTime collectedAt, OffsetDateTime resolvedAt, boolean timestamped) {

    public static EventView of(SelEvent e, String bmcIp, String serverName) {
        return new EventView(e.getId(), bmcIp, serverName, e.getRecordId(), e.findEventTime().orElse(null), e.isPreInit(),
                e.getSensorType(), e.findSensorNumber().map(n -> String.format("0x%02x", n)).orElse(null),
                e.findSensorName().orElse(null), e.getDescription(), e.findDirection().orElse(null),
                e.findDetail().orElse(null), e.getSeverity().name().toLowerCase(java.util.Locale.ROOT), e.getSummary(),
                e.getRawHex(), e.getCollectedAt(), e.findResolvedAt().orElse(null), e.isTimestamped());
    }
}
