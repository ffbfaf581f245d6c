package com.ipmimonitor.ipmi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DcmiPowerParserTest {

    @Test
    void readsAllFourFigures() {
        PowerReading reading = DcmiPowerParser.parse(Fixtures.ipmitool("ipmitool-format/dcmi_power_reading.txt")).orElseThrow();
        assertEquals(new PowerReading(220, 30, 392, 222), reading);
    }

    @Test
    void deactivatedMeasurementIsNoReading() {
        assertTrue(DcmiPowerParser.parse(Fixtures.ipmitool("ipmitool-format/dcmi_power_reading_deactivated.txt")).isEmpty());
    }

    @Test
    void outputWithoutAReadingIsAParseError() {
        assertThrows(IpmitoolParseException.class, () -> DcmiPowerParser.parse("DCMI request failed because: Invalid command (c1)"));
    }

    @Test
    void aReadingPastIntRangeIsAParseErrorNotANumberFormatException() {
        String huge = Fixtures.ipmitool("ipmitool-format/dcmi_power_reading.txt").replace("392 Watts", "99999999999 Watts");
        IpmitoolParseException e = assertThrows(IpmitoolParseException.class, () -> DcmiPowerParser.parse(huge));
        assertTrue(e.offendingLine().contains("99999999999"), e.offendingLine());
    }
}
