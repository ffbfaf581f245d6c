package com.ipmimonitor.ipmi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A first poll's one session (ipmi_sim/first_poll/README.md): its output cut at the markers gives what the runs of
 * their own gave before, for the same simulator: the probe, `mc info`, DCMI's answer, the dump, the names of
 * `sdr elist`, the types of `-v sdr elist` and the readings of `sensor`.
 */
class FirstPollProbeTest {

    private static final String PROBE = Fixtures.ipmitool("ipmi_sim/first_poll/probe.txt");
    private static final byte[] DUMP = HexFormat.of().parseHex(
            Fixtures.ipmitool("ipmi_sim/first_poll/sdr_dump.hex").replaceAll("\\s", ""));

    @Test
    void theProbesOwnOutputComesBeforeTheFirstMarker() {
        String head = ExecSections.head(PROBE);
        assertTrue(head.startsWith("Chassis Power is on\nSDR Version"), head);
        assertEquals(11, SelInfoParser.parse(head.substring(head.indexOf("SEL Information"))).entries());
        assertFalse(head.contains("ipmi-monitor-section"), head);
    }

    @Test
    void mcInfoGivesTheFirmwareIdentity() {
        assertEquals(Optional.of("343/3073/1.73/0x00 0x00 0x00 0x00"),
                ExecSections.section(PROBE, "mc-info").flatMap(McInfo::firmware));
    }

    @Test
    void dcmiWasAskedAndTheBmcHasNone() {
        // the answer of a BMC without DCMI, not ipmitool's "Invalid sample time" (which asks nothing)
        assertEquals(Optional.of("\n"), ExecSections.section(PROBE, "dcmi"));
        String stderr = Fixtures.ipmitool("ipmi_sim/first_poll/probe.stderr");
        assertTrue(stderr.contains("DCMI request failed because: Invalid command (c1)"), stderr);
        assertFalse(stderr.contains("Invalid sample time"), stderr);
        assertTrue(Fixtures.ipmitool("ipmi_sim/first_poll/dcmi_without_marker.stderr").contains("Invalid sample time"));
    }

    @Test
    void theDumpStartedAndIsTheSdr() {
        assertTrue(ExecSections.section(PROBE, "sdr-dump").orElseThrow().startsWith("Dumping Sensor Data Repository"));
        assertEquals(25, SdrDumpParser.sensors(DUMP).size());
    }

    @Test
    void theListingGivesTheNamesOfSdrElistAndWithTheDumpTheTypesOfTheVerboseListingAndTheReadingsOfSensor() {
        String listing = ExecSections.section(PROBE, "sdr-elist").orElseThrow();
        assertEquals(SdrElistParser.parse(Fixtures.ipmitool("ipmi_sim/first_poll/sdr_elist.txt")),
                SdrElistParser.parse(listing));
        assertEquals(SdrTypesParser.parse(Fixtures.ipmitool("ipmi_sim/first_poll/sdr_elist_verbose.txt")),
                SdrDumpParser.sensorTypes(DUMP));
        assertEquals(SensorListParser.parse(Fixtures.ipmitool("ipmi_sim/first_poll/sensor.txt")),
                SdrElistReadings.parse(listing, SdrDumpParser.sensors(DUMP)));
    }
}
