package com.ipmimonitor.redfish.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ipmimonitor.ipmi.Severity;
import com.ipmimonitor.redfish.entity.EventCondition;
import com.ipmimonitor.redfish.entity.RedfishEvent;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class LogEntryMappingTest {

    private static List<RedfishEvent> page(String flavour, String name) {
        return ResourceMapping.page(Fixtures.json(flavour, name)).members().stream()
                .map(LogEntryMapping::event).toList();
    }

    private static RedfishEvent first(List<RedfishEvent> events, Predicate<RedfishEvent> which) {
        return events.stream().filter(which).findFirst().orElseThrow();
    }

    @Test
    void dellSelEntriesKeepSensorTypeSeverityAndDeassertion() {
        List<RedfishEvent> events = page("dell", "entries-managers-1-Sel-page1");
        assertEquals(50, events.size());
        RedfishEvent lost = first(events, e -> e.messageId().equals("PSU0003"));
        assertEquals(Severity.CRITICAL, lost.severity());
        assertEquals(Optional.of("Power Supply"), lost.sensorType());
        assertFalse(lost.clearsCondition());
        assertTrue(lost.created().isPresent());
        RedfishEvent warm = first(events, e -> e.messageId().equals("TMP0120"));
        assertEquals(Severity.WARNING, warm.severity());
        RedfishEvent back = first(events, e -> e.messageId().equals("TMP0121"));
        assertTrue(back.clearsCondition(), "EntryCode Deassert");
        assertEquals(Severity.INFO, back.severity());
        assertEquals(Optional.of("Temperature"), back.sensorType());
    }

    @Test
    void hpeImlEntriesMapSeverityAndRepairedAndTheirClass() {
        List<RedfishEvent> events = page("hpe", "entries-systems-1-IML-page1");
        RedfishEvent repaired = first(events, RedfishEvent::resolved);
        assertTrue(repaired.severity() != Severity.INFO, "a repaired entry keeps the severity it had");
        assertFalse(repaired.clearsCondition());
        RedfishEvent psu = first(events, e -> e.message().startsWith("Power Supply Failure"));
        assertEquals(Severity.CRITICAL, psu.severity());
        assertEquals(Optional.of("Power"), psu.sensorType());
        assertEquals(Severity.INFO, first(events, e -> e.message().startsWith("Server power restored")).severity());
        assertEquals(10, events.stream().filter(RedfishEvent::resolved).count());
    }

    @Test
    void openBmcEntriesTakeMessageSeverityWhenSeverityIsAbsentAndThresholdsGoingBackClear() {
        List<RedfishEvent> events = page("openbmc", "entries-systems-1-EventLog-page1");
        RedfishEvent critical = first(events,
                e -> e.messageId().equals("OpenBMC.0.1.SensorThresholdCriticalHighGoingHigh"));
        assertEquals(Severity.CRITICAL, critical.severity());
        RedfishEvent back = first(events, e -> e.messageId().endsWith("CriticalHighGoingLow"));
        assertTrue(back.clearsCondition());
        assertEquals(Severity.INFO, back.severity());
        // every 7th entry of the simulator has only MessageSeverity: none of them may fall back to INFO
        RedfishEvent onlyMessageSeverity = LogEntryMapping.event(Fixtures.parse("""
                {"Id":"1700000000","MessageId":"OpenBMC.0.1.PowerSupplyFailed","MessageSeverity":"Critical",
                 "Message":"Power supply PSU1 failed.","Created":"2023-11-14T22:13:20+00:00"}"""));
        assertEquals(Severity.CRITICAL, onlyMessageSeverity.severity());
        assertEquals(Optional.of(Instant.parse("2023-11-14T22:13:20Z")), onlyMessageSeverity.created());
        assertTrue(events.stream().filter(e -> e.messageId().endsWith("PowerSupplyFailed"))
                .allMatch(e -> e.severity() == Severity.CRITICAL));
    }

    @Test
    void withoutAnySeverityTheRegistryIdDecides() {
        assertEquals(Severity.WARNING, LogEntryMapping.event(Fixtures.parse(
                "{\"Id\":\"1\",\"MessageId\":\"OpenBMC.0.1.SensorThresholdWarningLowGoingLow\"}")).severity());
        assertEquals(Severity.CRITICAL, LogEntryMapping.event(Fixtures.parse(
                "{\"Id\":\"2\",\"MessageId\":\"SensorEvent.1.0.ReadingAboveUpperFatalThreshold\","
                        + "\"Severity\":\"Critical\"}")).severity());
        RedfishEvent odd = LogEntryMapping.event(Fixtures.parse(
                "{\"@odata.id\":\"/redfish/v1/x/Entries/77/\",\"Created\":\"\",\"Severity\":\"Unknown\"}"));
        assertEquals("77", odd.id());
        assertEquals(Severity.INFO, odd.severity());
        assertTrue(odd.created().isEmpty());
        assertTrue(LogEntryMapping.event(Fixtures.parse("{\"Id\":\"3\",\"Resolved\":true}")).resolved());
    }

    @Test
    void aDellAssertionAndItsDeassertionNameTheSameSensorCondition() {
        RedfishEvent assertion = LogEntryMapping.event(Fixtures.parse("""
                {"Id": "7", "EntryCode": "Assert", "SensorNumber": 33, "SensorType": "Temperature",
                 "MessageId": "TMP0120", "Severity": "Warning", "Message": "too warm"}"""));
        RedfishEvent deassertion = LogEntryMapping.event(Fixtures.parse("""
                {"Id": "8", "EntryCode": "Deassert", "SensorNumber": 33, "SensorType": "Temperature",
                 "MessageId": "TMP0121", "Severity": "OK", "Message": "within range"}"""));
        assertEquals(Optional.of(new EventCondition("Temperature", 33, 0)), assertion.condition());
        assertEquals(assertion.condition(), deassertion.condition());
        assertTrue(deassertion.clearsCondition());
    }

    @Test
    void anOpenBmcThresholdGoingBackClosesTheConditionOfItsSensorAndLevelOnly() {
        String entry = """
                {"Id": "%s", "MessageId": "OpenBMC.0.1.SensorThreshold%s", "MessageArgs": ["%s", "97.0", "95.0"]}""";
        RedfishEvent high = LogEntryMapping.event(Fixtures.parse(entry.formatted("1", "CriticalHighGoingHigh", "CPU0_Temp")));
        RedfishEvent back = LogEntryMapping.event(Fixtures.parse(entry.formatted("2", "CriticalHighGoingLow", "CPU0_Temp")));
        RedfishEvent warning = LogEntryMapping.event(Fixtures.parse(entry.formatted("3", "WarningHighGoingHigh", "CPU0_Temp")));
        RedfishEvent other = LogEntryMapping.event(Fixtures.parse(entry.formatted("4", "CriticalHighGoingHigh", "Inlet_Temp")));
        assertEquals("CPU0_Temp", high.condition().orElseThrow().sensor());
        assertEquals(high.condition(), back.condition());
        assertTrue(back.clearsCondition());
        assertFalse(warning.condition().equals(high.condition()), "a warning is another condition");
        assertFalse(other.condition().equals(high.condition()), "another sensor");
        assertEquals(Optional.empty(), LogEntryMapping.event(Fixtures.parse("""
                {"Id": "5", "MessageId": "OpenBMC.0.1.DCPowerOn", "Message": "on"}""")).condition());
    }

    @Test
    void everyFlavoursEntriesMapWithAConditionOnlyWhereTheLogNamesOne() {
        assertTrue(page("dell", "entries-managers-1-Sel-page1").stream().allMatch(e -> e.condition().isPresent()));
        assertTrue(page("hpe", "entries-systems-1-IML-page1").stream().allMatch(e -> e.condition().isEmpty()));
    }
}
