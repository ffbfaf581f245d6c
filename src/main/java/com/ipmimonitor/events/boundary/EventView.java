package com.ipmimonitor.events.boundary;

import com.ipmimonitor.events.entity.SelEvent;
import java.time.OffsetDateTime;

/**
 * One stored SEL event as the API shows it. The original's fields keep the original's meaning, as ipmitool prints
 * them: {@code sel_id} is the record id in hex ("4d4"; the number is {@code record_id}), {@code sensor_id} the
 * sensor reference "#0xd1", {@code event_description} the whole line a person reads (the same text as
 * {@code summary}); the description alone is {@code description}. eventDate is null for a record without a time:
 * Pre-Init (preInit), or an OEM record without a timestamp (timestamped false); eventDirection is null for OEM
 * records.
 */
public record EventView(long id, String bmcIp, String serverName, String selId, int recordId, OffsetDateTime eventDate,
                        boolean preInit, String sensorType, String sensorNumber, String sensorId, String sensorName,
                        String eventDescription, String description, String eventDirection, String eventData,
                        String severity, String summary, String rawEntry, OffsetDateTime collectedAt,
                        OffsetDateTime resolvedAt, boolean timestamped) {

    public static EventView of(SelEvent e, String bmcIp, String serverName) {
        return new EventView(e.getId(), bmcIp, serverName, selId(e.getRecordId()), e.getRecordId(),
                e.findEventTime().orElse(null), e.isPreInit(), e.getSensorType(),
                e.findSensorNumber().map(n -> String.format("0x%02x", n)).orElse(null),
                e.findSensorNumber().map(n -> String.format("#0x%02x", n)).orElse(null),
                e.findSensorName().orElse(null), e.getSummary(), e.getDescription(), e.findDirection().orElse(null),
                e.findDetail().orElse(null), e.getSeverity().name().toLowerCase(java.util.Locale.ROOT), e.getSummary(),
                e.getRawHex(), e.getCollectedAt(), e.findResolvedAt().orElse(null), e.isTimestamped());
    }

    /** The record id as ipmitool's sel list prints it (and the original stored it): lower-case hex, no padding. */
    static String selId(int recordId) {
        return Integer.toHexString(recordId);
    }
}
