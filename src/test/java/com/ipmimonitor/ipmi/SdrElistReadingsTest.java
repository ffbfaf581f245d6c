package com.ipmimonitor.ipmi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** The plain listing of a steady-state poll, with the cached SDR, gives the rows `ipmitool sensor` gives. */
class SdrElistReadingsTest {

    private static final String PROBE = Fixtures.ipmitool("ipmi_sim/cached/probe_quiet.txt");
    private static final byte[] DUMP = HexFormat.of().parseHex(
            Fixtures.ipmitool("ipmi_sim/cached/sdr_dump.hex").replaceAll("\\s", ""));

    @Test
    void everySensorRowEqualsWhatIpmitoolSensorPrintedForTheSameBmc() {
        List<SensorRow> expected = SensorListParser.parse(Fixtures.ipmitool("ipmi_sim/cached/sensor.txt"));
        List<SensorRow> actual = SdrElistReadings.parse(SdrElistReadings.rowsIn(PROBE), SdrDumpParser.sensors(DUMP));
        assertEquals(25, expected.size());
        assertEquals(expected, actual);
    }

    @Test
    void theSameRowsAsTheVerboseListingOfTheSameState() {
        String verbose = Fixtures.ipmitool("ipmi_sim/cached/probe_with_sensors.txt");
        assertEquals(SdrSensorReadings.parse(SdrSensorReadings.listingIn(verbose), SdrDumpParser.conversions(DUMP)),
                SdrElistReadings.parse(SdrElistReadings.rowsIn(PROBE), SdrDumpParser.sensors(DUMP)));
    }

    @Test
    void theRowsAreToldApartFromTheProbesOutput() {
        String head = SdrElistReadings.withoutRows(PROBE);
        assertTrue(head.startsWith("Chassis Power is on"), head);
        assertTrue(head.contains("SEL Information"), head);
        assertFalse(head.contains("| 11h |"), head);
        assertEquals(25, SdrElistReadings.rowsIn(PROBE).lines().count());
        assertEquals("", SdrElistReadings.rowsIn("Chassis Power is on\nSEL Information\nEntries          : 11\n"));
    }

    @Test
    void thresholdsComeFromTheRecordsReadableMask() {
        List<SdrSensor> sdr = SdrDumpParser.sensors(DUMP);
        SdrSensor fan2 = sdr.stream().filter(s -> s.sensorNumber() == 0x11).findFirst().orElseThrow();
        // FAN2: lnr lcr lnc readable (mask 0x07), nothing above
        assertEquals(List.of(OptionalDouble.of(300), OptionalDouble.of(500), OptionalDouble.of(700),
                OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty()), fan2.thresholds());
        SdrSensor ps2 = sdr.stream().filter(s -> s.sensorNumber() == 0x41).findFirst().orElseThrow();
        assertFalse(ps2.threshold());
        assertEquals(0x08, ps2.sensorType());
        assertEquals(25, sdr.size());
    }

    @Test
    void statusWordsOfTheListing() {
        assertEquals("ok", SdrElistReadings.statusWord("ok"));
        assertEquals("cr", SdrElistReadings.statusWord("lcr"));
        assertEquals("cr", SdrElistReadings.statusWord("ucr"));
        assertEquals("nc", SdrElistReadings.statusWord("lnc"));
        assertEquals("nr", SdrElistReadings.statusWord("unr"));
        assertEquals("na", SdrElistReadings.statusWord("ns"));
    }

    @Test
    void anUnreadableSensorHasNoValueAndASensorWithoutRecordIsLeftOut() {
        List<SdrSensor> sdr = SdrDumpParser.sensors(DUMP);
        List<SensorRow> rows = SdrElistReadings.parse("""
                FAN1             | 10h | ns  | 29.1 | no reading
                Ghost            | 99h | ok  |  7.1 | 12 Volts
                FAN3             | 12h | ok  | 29.3 | 0x00
                """, sdr);
        assertEquals(2, rows.size());
        assertTrue(rows.get(0).value().isEmpty());
        assertEquals("na", rows.get(0).status());
        assertTrue(rows.get(1).value().isEmpty(), "a raw byte is no value");
    }

    @Test
    void discreteStatesWhoseNamesHoldCommasAreReadInTableOrder() {
        // power supply (0x08): offset 0 "Presence detected", 1 "Failure detected", 5 "AC out-of-range, but present"
        assertEquals("0x2100", SensorStates.wordOfListed(0x08, "Presence detected, AC out-of-range, but present"));
        assertEquals("0x0300", SensorStates.wordOfListed(0x08, "Presence detected, Failure detected"));
        assertEquals("0x0000", SensorStates.wordOfListed(0x08, ""));
    }
}
