package com.ipmimonitor.ipmi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class SensorListParserTest {

    @Test
    void thresholdColumnsKeepIpmitoolOrder() {
        List<SensorRow> rows = SensorListParser.parse(Fixtures.ipmitool("ipmi_sim/sensor.txt"));
        SensorRow volts = rows.get(8);

        assertEquals(25, rows.size());
        assertEquals("12V", volts.name());
        assertEquals(OptionalDouble.of(12.0), volts.value());
        assertEquals("Volts", volts.unit());
        assertEquals("ok", volts.status());
        assertEquals(OptionalDouble.of(10.2), volts.lnr());
        assertEquals(OptionalDouble.of(10.8), volts.lcr());
        assertEquals(OptionalDouble.of(11.1), volts.lnc());
        assertEquals(OptionalDouble.of(12.9), volts.unc());
        assertEquals(OptionalDouble.of(13.2), volts.ucr());
        assertEquals(OptionalDouble.of(13.8), volts.unr());
    }

    @Test
    void naBecomesEmpty() {
        SensorRow cpuTemp = SensorListParser.parse(Fixtures.ipmitool("ipmi_sim/sensor.txt")).get(0);

        assertEquals(OptionalDouble.empty(), cpuTemp.lnr());
        assertEquals(OptionalDouble.empty(), cpuTemp.lcr());
        assertEquals(OptionalDouble.of(85.0), cpuTemp.unc());
        assertEquals("degrees C", cpuTemp.unit());
        assertFalse(cpuTemp.discrete());
    }

    @Test
    void discreteRowHasStateWordInsteadOfValue() {
        SensorRow ps1 = SensorListParser.parse(Fixtures.ipmitool("ipmi_sim/sensor.txt")).get(15);

        assertEquals("PS1 Status", ps1.name());
        assertTrue(ps1.discrete());
        assertEquals(OptionalDouble.empty(), ps1.value());
        assertEquals("0x0100", ps1.discreteState());
        assertEquals("discrete", ps1.unit());
    }

    @Test
    void crStatusOnAbnormalState() {
        List<SensorRow> rows = SensorListParser.parse(Fixtures.ipmitool("ipmi_sim/sensor_abnormal.txt"));

        assertEquals("cr", rows.get(0).status());
        assertEquals(OptionalDouble.of(92.0), rows.get(0).value());
        assertEquals("0x0300", rows.get(16).discreteState());
        assertEquals(OptionalDouble.of(10.68), rows.get(8).value());
    }

    @Test
    void liveCaptureParses() {
        List<SensorRow> rows = SensorListParser.parse(Fixtures.ipmitool("ipmi_sim/sensor_live.txt"));

        assertEquals("CPU2 Status", rows.get(rows.size() - 1).name());
        assertEquals("0x8000", rows.get(rows.size() - 1).discreteState());
    }

    @Test
    void wrongColumnCountOrNumberIsRejected() {
        assertThrows(IpmitoolParseException.class, () -> SensorListParser.parse("FAN1 | 8300.000 | RPM | ok\n"));
        assertThrows(IpmitoolParseException.class, () -> SensorListParser.parse(
                "FAN1 | fast | RPM | ok | na | na | na | na | na | na\n"));
    }

    @Test
    void numbersThatAreNoReadingBecomeEmpty() {
        SensorRow row = SensorListParser.parse(
                "FAN1 | NaN | RPM | ok | Infinity | 1e999 | -Infinity | na | na | 500\n").get(0);

        assertEquals(OptionalDouble.empty(), row.value());
        assertEquals(OptionalDouble.empty(), row.lnr());
        assertEquals(OptionalDouble.empty(), row.lcr());
        assertEquals(OptionalDouble.empty(), row.lnc());
        assertEquals(OptionalDouble.of(500), row.unr());
    }
}
