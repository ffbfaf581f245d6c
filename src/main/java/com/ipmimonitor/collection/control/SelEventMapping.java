package com.ipmimonitor.collection.control;

import com.ipmimonitor.collection.control.parse.SdrEntry;
import com.ipmimonitor.collection.control.parse.SelRecord;
import com.ipmimonitor.collection.control.parse.SensorRow;
import com.ipmimonitor.collection.control.parse.SensorStates;
import com.ipmimonitor.events.entity.SelEvent;
import com.ipmimonitor.sensors.entity.SdrName;
import com.ipmimonitor.sensors.entity.SensorKind;
import com.ipmimonitor.sensors.entity.SensorReading;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/** Translates what ipmitool told us into our entities (ipmitool's model is not our domain model). */
public final class SelEventMapping {

    private static final int SYSTEM_EVENT = 0x02;

    private SelEventMapping() {
    }

    public static SelEvent toEvent(long serverId, SelRecord r, Map<Integer, String> names, OffsetDateTime collectedAt) {
        boolean system = r.recordType() == SYSTEM_EVENT;
        boolean timed = r.timestamp() >= 0 && !r.preInit();
        OffsetDateTime at = timed ? OffsetDateTime.ofInstant(Instant.ofEpochSecond(r.timestamp()), ZoneOffset.UTC) : null;
        return new SelEvent(serverId, r.recordId(), r.recordType(), at, r.timestamp() >= 0 ? r.timestamp() : null,
                r.preInit(), r.sensorTypeName(),
                system ? r.sensorType() : null, system ? r.sensorNumber() : null,
                system ? names.get(r.sensorNumber()) : null,
                system ? r.eventTypeCode() : null, system ? r.offset() : null, system && r.deassertion(),
                r.description(), system ? null : "OEM data " + r.rawHex().substring(6), r.rawHex(),
                fingerprint(r), collectedAt);
    }

    /** Record id + BMC timestamp + raw bytes: the same record read twice matches, a reused id does not. */
    static String fingerprint(SelRecord r) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((r.recordId() + ":" + r.timestamp() + ":" + r.rawHex()).getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest, 0, 20);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static List<SdrName> sdrNames(long serverId, List<SdrEntry> entries) {
        return entries.stream().map(e -> new SdrName(serverId, e.sensorNumber(), e.name(), e.entity(),
                e.sensorType().isPresent() ? e.sensorType().getAsInt() : null)).toList();
    }

    public static List<SensorReading> readings(long serverId, List<SensorRow> rows, OffsetDateTime at) {
        return readings(serverId, rows, Map.of(), at);
    }

    /**
     * sensorTypes maps SDR names to sensor types: a discrete sensor's state word ("0x0300") is stored with its
     * meaning ("Presence detected, Failure detected") where the type is known and has a table.
     */
    public static List<SensorReading> readings(long serverId, List<SensorRow> rows, Map<String, Integer> sensorTypes,
                                               OffsetDateTime at) {
        return rows.stream().map(row -> new SensorReading(serverId, row.name(), SensorKind.ofUnit(row.unit(), row.discrete()),
                boxed(row.value()), row.discrete() ? row.discreteState() : row.unit(), row.status(),
                new Double[] {boxed(row.lnr()), boxed(row.lcr()), boxed(row.lnc()), boxed(row.unc()), boxed(row.ucr()),
                        boxed(row.unr())}, at, row.discrete() ? stateText(row, sensorTypes) : null)).toList();
    }

    private static String stateText(SensorRow row, Map<String, Integer> sensorTypes) {
        Integer type = sensorTypes.get(row.name());
        return type == null ? null : SensorStates.describe(type, row.discreteState()).orElse(null);
    }

    private static Double boxed(OptionalDouble d) {
        return d.isPresent() ? d.getAsDouble() : null;
    }
}
