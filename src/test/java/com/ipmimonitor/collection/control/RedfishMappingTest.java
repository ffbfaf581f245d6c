package com.ipmimonitor.collection.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ipmimonitor.events.control.ConditionClosing;
import com.ipmimonitor.events.entity.SelEvent;
import com.ipmimonitor.ipmi.SensorCondition;
import com.ipmimonitor.ipmi.Severity;
import com.ipmimonitor.redfish.entity.Chassis;
import com.ipmimonitor.redfish.entity.ChassisPower;
import com.ipmimonitor.redfish.entity.ComputerSystem;
import com.ipmimonitor.redfish.entity.EventCondition;
import com.ipmimonitor.redfish.entity.LogBatch;
import com.ipmimonitor.redfish.entity.LogCursor;
import com.ipmimonitor.redfish.entity.LogService;
import com.ipmimonitor.redfish.entity.PowerState;
import com.ipmimonitor.redfish.entity.RedfishEvent;
import com.ipmimonitor.redfish.entity.RedfishReading;
import com.ipmimonitor.redfish.entity.Survey;
import com.ipmimonitor.redfish.entity.Thresholds;
import com.ipmimonitor.sensors.entity.SensorKind;
import com.ipmimonitor.sensors.entity.SensorReading;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class RedfishMappingTest {

    private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 12, 7, 2, 0, 0, 0, ZoneOffset.UTC);
    private static final LogService SEL = new LogService("/redfish/v1/Managers/iDRAC.Embedded.1/LogServices/Sel", "Sel",
            "SEL Log", "/redfish/v1/Managers/iDRAC.Embedded.1/LogServices/Sel/Entries", Optional.empty());
    private static final Instant AT = Instant.parse("2026-12-06T10:00:00Z");

    private static RedfishEvent event(String id, Instant created, Severity severity, boolean clears,
                                      Optional<EventCondition> condition) {
        return new RedfishEvent(id, Optional.of(created), "message " + id, "TMP0120", severity,
                Optional.of("Temperature"), clears, false, condition);
    }

    @Test
    void anEntryWithASensorConditionIsASystemEventWithDirectionAndItsOwnSeverity() {
        EventCondition inlet = new EventCondition("Temperature", 33, 0);
        SelEvent e = RedfishMapping.event(7, SEL, event("1234", AT, Severity.WARNING, false, Optional.of(inlet)), NOW);
        assertEquals(1234, e.getRecordId());
        assertEquals(Severity.WARNING, e.getSeverity(), "the entry's severity, not the IPMI classifier's");
        assertEquals(Optional.of(AT.atOffset(ZoneOffset.UTC)), e.findEventTime());
        assertEquals(Optional.of("Asserted"), e.findDirection());
        assertEquals(Optional.of(33), e.findSensorNumber());
        assertEquals(Optional.of(RedfishMapping.REDFISH_CONDITION), e.findEventTypeCode());
        assertTrue(e.findSensorTypeCode().isEmpty(), "no IPMI sensor type: nothing for the IPMI classifier");
        assertEquals("Sel/1234", e.getRawHex());
        assertEquals(Optional.of("TMP0120"), e.findDetail());
        assertTrue(e.getFingerprint().startsWith("rf:") && e.getFingerprint().length() <= 64);
    }

    @Test
    void aClearingEntryClosesTheOpenOneOfItsConditionByTheRuleOfAnIpmiDeassertion() {
        EventCondition inlet = new EventCondition("Temperature", 33, 0);
        SelEvent raised = RedfishMapping.event(7, SEL, event("1", AT, Severity.WARNING, false, Optional.of(inlet)), NOW);
        SelEvent cleared = RedfishMapping.event(7, SEL, event("2", AT.plusSeconds(60), Severity.INFO, true,
                Optional.of(inlet)), NOW);
        SelEvent otherSensor = RedfishMapping.event(7, SEL, event("3", AT, Severity.WARNING, false,
                Optional.of(new EventCondition("Temperature", 34, 0))), NOW);
        assertTrue(cleared.isDeassertion());
        assertTrue(ConditionClosing.wouldClose(cleared, raised));
        assertFalse(ConditionClosing.wouldClose(cleared, otherSensor));
    }

    @Test
    void anEntryWithoutConditionIsAMessageWithoutDirectionThatClosesNothing() {
        RedfishEvent iml = new RedfishEvent("12", Optional.of(AT), "Fan Failure (Fan 5)", "", Severity.WARNING,
                Optional.of("Environment"), false, false, Optional.empty());
        SelEvent e = RedfishMapping.event(7, SEL, iml, NOW);
        assertTrue(e.isOem() && e.isTimestamped());
        assertEquals(Optional.empty(), e.findDirection());
        assertFalse(ConditionClosing.closesSomething(e));
        assertEquals("Fan Failure (Fan 5)", e.getSummary());
        assertEquals(Severity.WARNING, e.getSeverity());
    }

    @Test
    void idsAreNumbersWhereTheyAreAndStableNumbersWhereNot() {
        assertEquals(42, RedfishMapping.recordId("42"));
        int openbmc = RedfishMapping.recordId("1700000000_1");
        assertEquals(openbmc, RedfishMapping.recordId("1700000000_1"));
        assertTrue(openbmc >= 0);
        assertNotEquals(openbmc, RedfishMapping.recordId("1700000000_2"));
        assertTrue(RedfishMapping.recordId("99999999999") >= 0, "too big for an int: hashed, never negative");
    }

    @Test
    void anEntryReadAgainHasTheSameFingerprintAndAnIdReusedAfterAClearAnother() {
        RedfishEvent first = event("1", AT, Severity.CRITICAL, false, Optional.empty());
        assertEquals(RedfishMapping.fingerprint(SEL, first), RedfishMapping.fingerprint(SEL, first));
        RedfishEvent reused = event("1", AT.plusSeconds(3600), Severity.CRITICAL, false, Optional.empty());
        assertNotEquals(RedfishMapping.fingerprint(SEL, first), RedfishMapping.fingerprint(SEL, reused));
        LogService lclog = new LogService(SEL.uri().replace("Sel", "Lclog"), "Lclog", "Lifecycle", "x",
                Optional.empty());
        assertNotEquals(RedfishMapping.fingerprint(SEL, first), RedfishMapping.fingerprint(lclog, first));
    }

    @Test
    void eventsOfEveryLogAreMappedInOrder() {
        LogBatch batch = new LogBatch(SEL, List.of(event("1", AT, Severity.INFO, false, Optional.empty()),
                event("2", AT, Severity.CRITICAL, false, Optional.empty())), false,
                new LogCursor(Optional.of("2"), Optional.of(AT), 2, true, true));
        assertEquals(List.of(1, 2), RedfishMapping.events(7, List.of(batch), NOW).stream()
                .map(SelEvent::getRecordId).toList());
    }

    @Test
    void readingsKeepThresholdsAndHealthAndANameTwoChassisShareNamesItsChassis() {
        Thresholds cpu = new Thresholds(OptionalDouble.empty(), OptionalDouble.of(3), OptionalDouble.empty(),
                OptionalDouble.of(85), OptionalDouble.of(95), OptionalDouble.empty());
        Survey.ChassisReadings one = chassis("1", List.of(
                new RedfishReading("1", "CPU1 Temp", SensorKind.TEMPERATURE, OptionalDouble.of(97), "degrees C",
                        Optional.of("Critical"), cpu),
                new RedfishReading("1", "Fan", SensorKind.FAN, OptionalDouble.of(5000), "RPM", Optional.of("OK"),
                        Thresholds.NONE)), List.of(new ChassisPower("1", 285.4, OptionalDouble.empty())));
        Survey.ChassisReadings two = chassis("2", List.of(new RedfishReading("2", "Fan", SensorKind.FAN,
                OptionalDouble.of(4000), "RPM", Optional.empty(), Thresholds.NONE)),
                List.of(new ChassisPower("2", 100, OptionalDouble.empty())));
        ComputerSystem system = new ComputerSystem("/redfish/v1/Systems/1", "1", "System", PowerState.ON,
                Optional.of("OK"), Optional.of("Warning"), Optional.empty());

        List<SensorReading> readings = RedfishMapping.readings(7, List.of(system), List.of(one, two), NOW);
        assertEquals(List.of("CPU1 Temp", "1 Fan", "2 Fan", "System 1 Health"),
                readings.stream().map(SensorReading::getSensorName).toList());
        SensorReading hot = readings.get(0);
        assertEquals("cr", hot.getStatus());
        assertEquals(95.0, hot.getUpperCritical());
        assertEquals(85.0, hot.getUpperNonCritical());
        assertEquals(3.0, hot.getLowerCritical());
        assertEquals(SensorCondition.CRITICAL, hot.condition());
        assertNull(readings.get(2).getStatus(), "no health: judged by its value");
        assertEquals(SensorCondition.WARNING, readings.get(3).condition(), "the rollup of the system");

        assertEquals(285, RedfishMapping.power(7, List.of(one, two), NOW).orElseThrow().getCurrentWatts(),
                "the first chassis that reports a draw, not the sum of an enclosure and its blades");
    }

    @Test
    void theServerIsOnWhenAnySystemIsOn() {
        assertEquals("ON", RedfishMapping.powerState(List.of(system(PowerState.OFF), system(PowerState.ON))));
        assertEquals("OFF", RedfishMapping.powerState(List.of(system(PowerState.OFF))));
        assertNull(RedfishMapping.powerState(List.of(system(PowerState.UNKNOWN))));
    }

    private static ComputerSystem system(PowerState state) {
        return new ComputerSystem("/s", "s", "s", state, Optional.empty(), Optional.empty(), Optional.empty());
    }

    private static Survey.ChassisReadings chassis(String id, List<RedfishReading> readings, List<ChassisPower> power) {
        return new Survey.ChassisReadings(new Chassis("/redfish/v1/Chassis/" + id, id, id, Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty()), readings, power);
    }
}
