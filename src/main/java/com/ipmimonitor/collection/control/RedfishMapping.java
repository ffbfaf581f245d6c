package com.ipmimonitor.collection.control;

import com.ipmimonitor.events.entity.SelEvent;
import com.ipmimonitor.redfish.entity.ChassisPower;
import com.ipmimonitor.redfish.entity.ComputerSystem;
import com.ipmimonitor.redfish.entity.EventCondition;
import com.ipmimonitor.redfish.entity.LogBatch;
import com.ipmimonitor.redfish.entity.LogService;
import com.ipmimonitor.redfish.entity.PowerState;
import com.ipmimonitor.redfish.entity.RedfishEvent;
import com.ipmimonitor.redfish.entity.RedfishReading;
import com.ipmimonitor.redfish.entity.Survey;
import com.ipmimonitor.redfish.entity.Thresholds;
import com.ipmimonitor.sensors.entity.PowerDraw;
import com.ipmimonitor.sensors.entity.SensorKind;
import com.ipmimonitor.sensors.entity.SensorReading;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What a Redfish poll read, as the stores of every poll take it, so that a Redfish server's events, sensors and power
 * look like an IPMI server's. A log entry becomes a SelEvent:
 * <ul>
 * <li>record_id: the entry's Id when it is a number (iDRAC, iLO), else a stable number of it (OpenBMC's
 * "1700000000_1"); raw_hex keeps the log service and entry Id ("Sel/1234"), the entry's own reference;</li>
 * <li>an entry that names its sensor condition (iDRAC SensorNumber, OpenBMC threshold messages) is a system event
 * (record type 0x02) with a direction, event type {@link #REDFISH_CONDITION} (no IPMI event type is that high) and
 * the condition as offset, so that a clearing entry closes the open one as an IPMI deassertion does; any other
 * entry is a message without direction (record type 0xC0, as IPMI's timestamped OEM records);</li>
 * <li>severity is the entry's own (RedfishEvent), not the IPMI classifier's;</li>
 * <li>the fingerprint (unique per server) is of the log, Id, time and text: an entry read again is not stored
 * again, and an Id reused after a clear is a new entry.</li>
 * </ul>
 * No I/O.
 */
public final class RedfishMapping {

    public static final int REDFISH_CONDITION = 0x100;
    static final int RECORD_CONDITION = 0x02;
    static final int RECORD_MESSAGE = 0xC0;
    private static final int TEXT = 64;

    private RedfishMapping() {
    }

    public static List<SelEvent> events(long serverId, List<LogBatch> logs, OffsetDateTime now) {
        List<SelEvent> events = new ArrayList<>();
        for (LogBatch log : logs) {
            log.events().forEach(e -> events.add(event(serverId, log.log(), e, now)));
        }
        return events;
    }

    static SelEvent event(long serverId, LogService log, RedfishEvent e, OffsetDateTime now) {
        Optional<EventCondition> condition = e.condition();
        OffsetDateTime at = e.created().map(t -> t.atOffset(ZoneOffset.UTC)).orElse(now);
        String description = !e.message().isBlank() ? e.message()
                : !e.messageId().isBlank() ? e.messageId() : "Redfish log entry " + e.id();
        SelEvent event = new SelEvent(serverId, recordId(e.id()),
                condition.isPresent() ? RECORD_CONDITION : RECORD_MESSAGE, at,
                e.created().map(t -> t.getEpochSecond()).orElse(null), false,
                cut(e.sensorType().orElse(log.name())), null,
                condition.map(EventCondition::number).orElse(null),
                condition.map(EventCondition::sensor).map(RedfishMapping::cut).orElse(null),
                condition.isPresent() ? REDFISH_CONDITION : null, condition.map(EventCondition::offset).orElse(null),
                e.clearsCondition() && condition.isPresent(), description,
                e.messageId().isBlank() ? null : e.messageId(), cut(log.id() + "/" + e.id()),
                fingerprint(log, e), now);
        event.classify(e.severity());
        return event;
    }

    /** The Id as a number where it is one (iDRAC and iLO count their entries), else a stable number of the text. */
    static int recordId(String id) {
        if (id.matches("\\d{1,10}")) {
            long n = Long.parseLong(id);
            if (n <= Integer.MAX_VALUE) {
                return (int) n;
            }
        }
        return id.hashCode() & Integer.MAX_VALUE; // String.hashCode is specified: the same across restarts
    }

    static String fingerprint(LogService log, RedfishEvent e) {
        String identity = String.join("\n", "redfish", log.uri(), e.id(),
                e.created().map(Object::toString).orElse(""), e.messageId(), e.message());
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
            return "rf:" + HexFormat.of().formatHex(digest, 0, 20); // "rf:": never equal to an IPMI record's
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /**
     * Every chassis' readings (a name two chassis share gets its chassis' Id in front), and each System's health
     * rollup as a reading without value whose status says OK, Warning or Critical.
     */
    public static List<SensorReading> readings(long serverId, List<ComputerSystem> systems,
                                               List<Survey.ChassisReadings> chassis, OffsetDateTime now) {
        List<RedfishReading> all = chassis.stream().flatMap(c -> c.readings().stream()).toList();
        Map<String, Long> uses = all.stream().collect(Collectors.groupingBy(RedfishReading::name,
                Collectors.counting()));
        List<SensorReading> readings = new ArrayList<>();
        for (RedfishReading r : all) {
            String name = uses.get(r.name()) > 1 ? r.chassisId() + " " + r.name() : r.name();
            readings.add(new SensorReading(serverId, cut(name), r.kind(), boxed(r.value()), r.unit(),
                    status(r.health()), thresholds(r.thresholds()), now));
        }
        for (ComputerSystem s : systems) {
            String name = s.id().toLowerCase(Locale.ROOT).startsWith("system") ? s.id() : "System " + s.id();
            readings.add(new SensorReading(serverId, cut(name + " Health"), SensorKind.OTHER, null, null,
                    status(s.healthRollup().or(s::health)), new Double[6], now));
        }
        return readings;
    }

    /** The first chassis that reports its draw: an enclosure and its blades would otherwise count twice. */
    public static Optional<PowerDraw> power(long serverId, List<Survey.ChassisReadings> chassis, OffsetDateTime now) {
        return chassis.stream().flatMap(c -> c.power().stream()).findFirst().map(ChassisPower::consumedWatts)
                .map(w -> (int) Math.round(w)).map(w -> new PowerDraw(serverId, w, w, w, w, now));
    }

    /** ON when any System is on (or going off), OFF when one is off and none on, else unknown (null). */
    public static String powerState(List<ComputerSystem> systems) {
        List<PowerState> states = systems.stream().map(ComputerSystem::powerState).toList();
        if (states.contains(PowerState.ON) || states.contains(PowerState.POWERING_OFF)) {
            return "ON";
        }
        return states.contains(PowerState.OFF) || states.contains(PowerState.POWERING_ON) ? "OFF" : null;
    }

    /** Redfish Health as ipmitool's status column says it, which SensorCondition reads. */
    static String status(Optional<String> health) {
        return health.map(h -> switch (h.strip().toLowerCase(Locale.ROOT)) {
            case "ok" -> "ok";
            case "warning" -> "nc";
            case "critical" -> "cr";
            default -> null;
        }).orElse(null);
    }

    private static Double[] thresholds(Thresholds t) {
        Function<OptionalDouble, Double> box = RedfishMapping::boxed;
        return new Double[] {box.apply(t.lowerNonRecoverable()), box.apply(t.lowerCritical()),
                box.apply(t.lowerNonCritical()), box.apply(t.upperNonCritical()), box.apply(t.upperCritical()),
                box.apply(t.upperNonRecoverable())};
    }

    private static Double boxed(OptionalDouble value) {
        return value.isPresent() ? value.getAsDouble() : null;
    }

    private static String cut(String text) {
        return text == null || text.length() <= TEXT ? text : text.substring(0, TEXT);
    }
}
