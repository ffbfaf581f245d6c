package com.ipmimonitor.collection.control;

import com.ipmimonitor.ipmi.SdrEntry;
import com.ipmimonitor.ipmi.SelDetail;
import com.ipmimonitor.ipmi.SelRecord;
import com.ipmimonitor.ipmi.SensorConversion;
import com.ipmimonitor.ipmi.SensorRow;
import com.ipmimonitor.ipmi.SensorStates;
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
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/** Translates what ipmitool told us into our entities (ipmitool's model is not our domain model). */
public final class SelEventMapping {

    private static final int SYSTEM_EVENT = 0x02;
    /** Where a record without a timestamp goes when the SEL holds no timed record at all: before every other. */
    static final OffsetDateTime NO_TIME_KNOWN = OffsetDateTime.ofInstant(Instant.EPOCH, ZoneOffset.UTC);

    private SelEventMapping() {
    }

    public static SelEvent toEvent(long serverId, SelRecord r, Map<Integer, String> names, OffsetDateTime collectedAt) {
        return toEvents(serverId, List.of(r), names, Map.of(), Optional.empty(), collectedAt).get(0);
    }

    /**
     * The records of one read, in SEL order. conversions: the SDR's full sensor records by sensor number, for the
     * reading and threshold of threshold events. A record without a timestamp (OEM 0xE0 - 0xFF) is placed where
     * it sits in the SEL: at the time of the timed record before it (stored earlier: timeBefore), else of the one
     * after it, else at the epoch; it is shown as having no time, and never as the newest event.
     */
    public static List<SelEvent> toEvents(long serverId, List<SelRecord> records, Map<Integer, String> names,
                                          Map<Integer, SensorConversion> conversions,
                                          Optional<OffsetDateTime> timeBefore, OffsetDateTime collectedAt) {
        List<Optional<OffsetDateTime>> next = nextTimes(records);
        List<SelEvent> events = new ArrayList<>();
        Optional<OffsetDateTime> before = timeBefore;
        for (int i = 0; i < records.size(); i++) {
            SelRecord r = records.get(i);
            Optional<OffsetDateTime> own = timeOf(r);
            before = own.isPresent() ? own : before;
            Optional<OffsetDateTime> later = next.get(i);
            OffsetDateTime at = r.hasTimestamp() ? own.orElse(null) : before.or(() -> later).orElse(NO_TIME_KNOWN);
            events.add(event(serverId, r, names, conversions, at, collectedAt));
        }
        return events;
    }

    /** For each record, the time of the first timed record from it on (one pass from the end). */
    private static List<Optional<OffsetDateTime>> nextTimes(List<SelRecord> records) {
        List<Optional<OffsetDateTime>> next = new ArrayList<>(Collections.nCopies(records.size(), Optional.empty()));
        Optional<OffsetDateTime> seen = Optional.empty();
        for (int i = records.size() - 1; i >= 0; i--) {
            Optional<OffsetDateTime> own = timeOf(records.get(i));
            seen = own.isPresent() ? own : seen;
            next.set(i, seen);
        }
        return next;
    }

    private static Optional<OffsetDateTime> timeOf(SelRecord r) {
        boolean timed = r.hasTimestamp() && r.timestamp() >= 0 && !r.preInit();
        return timed ? Optional.of(OffsetDateTime.ofInstant(Instant.ofEpochSecond(r.timestamp()), ZoneOffset.UTC))
                : Optional.empty();
    }

    private static SelEvent event(long serverId, SelRecord r, Map<Integer, String> names,
                                  Map<Integer, SensorConversion> conversions, OffsetDateTime at, OffsetDateTime collectedAt) {
        boolean system = r.recordType() == SYSTEM_EVENT;
        Optional<SensorConversion> sdr = system ? Optional.ofNullable(conversions.get(r.sensorNumber())) : Optional.empty();
        return new SelEvent(serverId, r.recordId(), r.recordType(), at, r.timestamp() >= 0 ? r.timestamp() : null,
                r.preInit(), r.sensorTypeName(),
                system ? r.sensorType() : null, system ? r.sensorNumber() : null,
                system ? names.get(r.sensorNumber()) : null,
                system ? r.eventTypeCode() : null, system ? r.offset() : null, system && r.deassertion(),
                r.description(), SelDetail.of(r, sdr).orElse(null), r.rawHex(), fingerprint(r), collectedAt);
    }

    /** Sensor number to the conversion of its stored Full Sensor Record (hex); records that do not decode are left out. */
    public static Map<Integer, SensorConversion> conversions(Map<Integer, String> fullRecords) {
        Map<Integer, SensorConversion> byNumber = new HashMap<>();
        fullRecords.forEach((n, hex) -> SensorConversion.fromHex(hex).ifPresent(c -> byNumber.put(n, c)));
        return byNumber;
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

    /** The names of sdr elist, each with its sensor's Full Sensor Record from sdr dump when it has one. */
    public static List<SdrName> sdrNames(long serverId, List<SdrEntry> entries, List<SensorConversion> conversions) {
        Map<Integer, String> records = new HashMap<>();
        // sensor numbers are unique per owner only; as for names, the first record of a number is kept
        conversions.forEach(c -> records.putIfAbsent(c.sensorNumber(), c.rawHex()));
        return entries.stream().map(e -> new SdrName(serverId, e.sensorNumber(), e.name(), e.entity(),
                records.get(e.sensorNumber()), e.sensorType().isPresent() ? e.sensorType().getAsInt() : null)).toList();
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
