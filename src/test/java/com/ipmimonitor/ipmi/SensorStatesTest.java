package com.ipmimonitor.ipmi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class SensorStatesTest {

    private static final Map<Integer, Integer> TYPES =
            SdrTypesParser.parse(Fixtures.ipmitool("ipmi_sim/sdr_elist_verbose_abnormal.txt"));

    @Test
    void theVerboseSdrGivesEverySensorsType() {
        assertEquals(25, TYPES.size());
        assertEquals(0x08, TYPES.get(0x41), "PS2 Status: Power Supply");
        assertEquals(0x0c, TYPES.get(0x50), "CPU1_ECC1: Memory");
        assertEquals(0x07, TYPES.get(0x70), "CPU1 Status: Processor");
        assertEquals(0x01, TYPES.get(0x01), "CPU1 Temp: Temperature (a threshold sensor)");
    }

    /** ipmitool sensor's state words, decoded, read exactly as ipmitool sdr elist prints them for the same BMC. */
    @ParameterizedTest
    @CsvSource({"ipmi_sim/sensor.txt, ipmi_sim/sdr_elist.txt",
                "ipmi_sim/sensor_abnormal.txt, ipmi_sim/sdr_elist_abnormal.txt"})
    void decodedStatesReadAsSdrElistSaysThem(String sensorFixture, String elistFixture) {
        Map<String, SdrEntry> elist = SdrElistParser.parse(Fixtures.ipmitool(elistFixture)).stream()
                .collect(Collectors.toMap(SdrEntry::name, Function.identity()));
        List<SensorRow> discrete = SensorListParser.parse(Fixtures.ipmitool(sensorFixture)).stream()
                .filter(SensorRow::discrete).toList();
        assertEquals(10, discrete.size());
        for (SensorRow row : discrete) {
            SdrEntry sdr = elist.get(row.name());
            assertEquals(Optional.of(sdr.reading()), SensorStates.describe(TYPES.get(sdr.sensorNumber()), row.discreteState()),
                    row.name() + " " + row.discreteState());
        }
    }

    @Test
    void theAbnormalFixtureReallyHasAFailedSupply() {
        assertEquals(Optional.of("Presence detected, Failure detected"), SensorStates.describe(0x08, "0x0300"));
        assertEquals(Optional.of("Presence detected"), SensorStates.describe(0x07, "0x8000"), "offset 7 of a processor");
    }

    @Test
    void offsetsFromEightOnAreInTheSecondByte() {
        // Processor offset 8 "Disabled", offset 0x0a "Throttled": second byte bits 0 and 2
        assertEquals(Optional.of("Disabled, Throttled"), SensorStates.describe(0x07, "0x0005"));
        // Memory offset 0x0a "Critical Overtemperature"
        assertEquals(Optional.of("Critical Overtemperature"), SensorStates.describe(0x0c, "0x0004"));
    }

    @Test
    void nothingAssertedIsEmptyTextAndUnknownTypesOrWordsAreNotGuessed() {
        assertEquals(Optional.of(""), SensorStates.describe(0x08, "0x0000"));
        assertEquals(Optional.empty(), SensorStates.describe(0xC1, "0x0100"), "OEM type");
        assertEquals(Optional.empty(), SensorStates.describe(0x08, "na"));
        assertEquals(Optional.empty(), SensorStates.describe(0x08, ""));
        assertEquals(Optional.empty(), SensorStates.describe(0x08, null));
        assertEquals(Optional.of(""), SensorStates.describe(0x08, "0x0080"), "bit 15 is reserved");
    }

    @Test
    void aVerboseSdrWithoutTypesOrInAnotherLayoutGivesNoTypesAndNoError() {
        assertTrue(SdrTypesParser.parse(Fixtures.ipmitool("ipmi_sim/sdr_elist.txt")).isEmpty());
        assertTrue(SdrTypesParser.parse("").isEmpty());
        assertEquals(Map.of(0x41, 0x08), SdrTypesParser.parse("""
                Sensor ID              : PS2 (0x41) Status (0x41)
                 Entity ID             : 10.2 (Power Supply)
                 Sensor Type (Discrete): Power Supply (0x08)

                Device ID              : Basbrd Mgmt Ctlr
                 Sensor Type           : Other (0x0b)
                """));
    }
}
