package com.ipmimonitor.ipmi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ipmimonitor.ipmi.Fixtures;
import com.ipmimonitor.ipmi.SdrDumpParser;
import com.ipmimonitor.ipmi.SensorConversion;
import com.ipmimonitor.ipmi.SensorListParser;
import com.ipmimonitor.ipmi.SensorRow;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The cached-SDR listing read in the probe's session gives the rows `ipmitool sensor` gives (captured together). */
class SdrSensorReadingsTest {

    private static final String PROBE = Fixtures.ipmitool("ipmi_sim/cached/probe_with_sensors.txt");
    private static final List<SensorConversion> SDR = SdrDumpParser.conversions(
            HexFormat.of().parseHex(Fixtures.ipmitool("ipmi_sim/cached/sdr_dump.hex").replaceAll("\\s", "")));

    @Test
    void everySensorRowEqualsWhatIpmitoolSensorPrintedForTheSameBmc() {
        List<SensorRow> expected = SensorListParser.parse(Fixtures.ipmitool("ipmi_sim/cached/sensor.txt"));
        List<SensorRow> actual = SdrSensorReadings.parse(SdrSensorReadings.listingIn(PROBE), SDR);
        assertEquals(25, expected.size());
        assertEquals(expected, actual);
    }

    @Test
    void theListingIsTheTailOfTheProbeAfterSelInfo() {
        String head = SdrSensorReadings.beforeListing(PROBE);
        assertTrue(head.startsWith("Chassis Power is on"), head);
        assertTrue(head.strip().endsWith("Max Record Size  : 1"), head);
        assertTrue(SdrSensorReadings.listingIn(PROBE).startsWith("Sensor ID"));
        assertEquals("", SdrSensorReadings.listingIn("Chassis Power is on\nSEL Information\n"));
    }

    @Test
    void abnormalReadingsKeepSensorsStatusWords() {
        List<SensorRow> rows = SdrSensorReadings.parse(SdrSensorReadings.listingIn(PROBE), SDR);
        SensorRow fan2 = rows.stream().filter(r -> r.name().equals("FAN2")).findFirst().orElseThrow();
        assertEquals(400.0, fan2.value().getAsDouble());
        assertEquals("cr", fan2.status());
        assertEquals(500.0, fan2.lcr().getAsDouble());
        SensorRow ps2 = rows.stream().filter(r -> r.name().equals("PS2 Status")).findFirst().orElseThrow();
        assertEquals("0x0300", ps2.discreteState());
    }

    @Test
    void statusWordsOfEveryThresholdState() {
        assertEquals("ok", SdrSensorReadings.statusWord("ok"));
        assertEquals("cr", SdrSensorReadings.statusWord("Upper Critical"));
        assertEquals("cr", SdrSensorReadings.statusWord("Lower Critical"));
        assertEquals("nc", SdrSensorReadings.statusWord("Lower Non-Critical"));
        assertEquals("nr", SdrSensorReadings.statusWord("Upper Non-Recoverable"));
        assertEquals("na", SdrSensorReadings.statusWord(""));
    }

    @Test
    void unreadableSensorsAndOtherRecordsAreNoGarbage() {
        String listing = """
                Device ID              : BMC (0x20)
                 Entity ID             : 6.1 (System Management Module)

                Sensor ID              : FAN9 (0x19)
                 Entity ID             : 29.9 (Fan Device)
                 Sensor Type (Threshold)  : Fan (0x04)
                 Sensor Reading        : No Reading
                 Status                : Not Available
                 Readable Thresholds   : lcr

                """;
        List<SensorRow> rows = SdrSensorReadings.parse(listing, List.of());
        assertEquals(1, rows.size());
        assertTrue(rows.get(0).value().isEmpty());
        assertEquals("na", rows.get(0).status());
        assertTrue(rows.get(0).lcr().isEmpty(), "no SDR record, no threshold");
    }
}
