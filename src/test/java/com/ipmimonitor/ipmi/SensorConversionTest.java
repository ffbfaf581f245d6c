package com.ipmimonitor.ipmi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Reading conversion and unit text as ipmitool 1.8.19 computes and prints them (ipmi_sdr.c, ipmi_sel.c). */
class SensorConversionTest {

    private static final List<SensorConversion> SIM = SdrDumpParser.conversions(HexFormat.of()
            .parseHex(Fixtures.ipmitool("ipmi_sim/event_text/sdr_dump.hex").replaceAll("\\s", "")));

    /** A full sensor record with the given units byte 1, base unit, linearization, M, B and exponents. */
    private static SensorConversion record(int units1, int base, int modifier, int linearization, int m, int b,
                                           int rExp, int bExp) {
        byte[] r = new byte[48];
        r[3] = 0x01;
        r[4] = 43;
        r[5] = 0x20;
        r[7] = 0x05;
        r[12] = 0x01;
        r[13] = 0x01;
        r[20] = (byte) units1;
        r[21] = (byte) base;
        r[22] = (byte) modifier;
        r[23] = (byte) linearization;
        r[24] = (byte) m;
        r[25] = (byte) ((m >> 8 & 0x3) << 6);
        r[26] = (byte) b;
        r[27] = (byte) ((b >> 8 & 0x3) << 6);
        r[29] = (byte) ((rExp & 0xF) << 4 | bExp & 0xF);
        return SensorConversion.fromRecord(r).orElseThrow();
    }

    @Test
    void theSimulatorsFullSensorRecordsAreFound() {
        assertEquals(15, SIM.size());
        SensorConversion twelveVolts = SIM.stream().filter(c -> c.sensorNumber() == 0x20).findFirst().orElseThrow();
        assertEquals(6, twelveVolts.m());
        assertEquals(-2, twelveVolts.rExponent());
        assertEquals("Volts", twelveVolts.unit());
        assertEquals("10.68", SensorConversion.format(twelveVolts.convert(178)));
        assertEquals("12", SensorConversion.format(twelveVolts.convert(200)));
    }

    @Test
    void signedFormatsAndTenBitFactors() {
        // 2's complement: 0xF6 is -10; M = -1 (10-bit 0x3FF) turns it positive; B = -40 with B exp 0
        assertEquals(-10.0, record(0x80, 1, 0, 0, 1, 0, 0, 0).convert(0xF6));
        assertEquals(10.0, record(0x80, 1, 0, 0, 0x3FF, 0, 0, 0).convert(0xF6));
        assertEquals(-30.0, record(0x00, 1, 0, 0, 1, 0x3D8, 0, 0).convert(10));
        // 1's complement: 0xF5 is -10 (ipmitool adds one to negative values, then reads 2's complement)
        assertEquals(-10.0, record(0x40, 1, 0, 0, 1, 0, 0, 0).convert(0xF5));
        // not analog: 0
        assertEquals(0.0, record(0xC0, 1, 0, 0, 1, 0, 0, 0).convert(0x20));
    }

    @Test
    void offsetWithItsOwnExponentAndResultExponent() {
        // (5 * 200 + 25 * 10^1) * 10^-3 = 1.25
        assertEquals("1.25", SensorConversion.format(record(0x00, 4, 0, 0, 5, 25, -3, 1).convert(200)));
    }

    @Test
    void linearizations() {
        assertEquals(100.0, record(0, 1, 0, 0x08, 1, 0, 0, 0).convert(10), 1e-9); // sqr
        assertEquals(0.25, record(0, 1, 0, 0x07, 1, 0, 0, 0).convert(4), 1e-9); // 1/x
        assertEquals(2.0, record(0, 1, 0, 0x0A, 1, 0, 0, 0).convert(4), 1e-9); // sqrt
        assertEquals(3.0, record(0, 1, 0, 0x03, 1, 0, 0, 0).convert(8), 1e-9); // log2
        assertEquals(1000.0, record(0, 1, 0, 0x05, 1, 0, 0, 0).convert(3), 1e-9); // exp10
    }

    @Test
    void unitsWithModifierAndPercentage() {
        assertEquals("RPM/minute", record(0x02, 18, 23, 0, 1, 0, 0, 0).unit());
        assertEquals("Watts*hour", record(0x04, 6, 24, 0, 1, 0, 0, 0).unit());
        assertEquals("% Volts", record(0x01, 4, 0, 0, 1, 0, 0, 0).unit());
        assertEquals("percent", record(0x01, 0, 0, 0, 1, 0, 0, 0).unit());
        assertEquals("unspecified", record(0x00, 0, 0, 0, 1, 0, 0, 0).unit());
        assertEquals("invalid", record(0x00, 200, 0, 0, 1, 0, 0, 0).unit());
    }

    @Test
    void numbersArePrintedAsAFloatWithNoneOrTwoDecimals() {
        assertEquals("400", SensorConversion.format(400.0));
        assertEquals("11.10", SensorConversion.format(185 * 0.06));
        assertEquals("3.72", SensorConversion.format(186 * 0.02));
        assertEquals("-10", SensorConversion.format(-10.0));
        assertEquals("-0.50", SensorConversion.format(-0.5));
        // glibc rounds the exact binary value half to even: 0.125 is exact and prints 0.12, 0.375 prints 0.38
        assertEquals("0.12", SensorConversion.format(0.125));
        assertEquals("0.38", SensorConversion.format(0.375));
        assertEquals("-0.00", SensorConversion.format(-0.001));
        assertEquals("-nan", SensorConversion.format(Math.log(-1)));
        assertEquals("inf", SensorConversion.format(Double.POSITIVE_INFINITY));
    }

    @Test
    void otherRecordTypesAndShortRecordsAreNoConversion() {
        byte[] compact = new byte[48];
        compact[3] = 0x02;
        assertEquals(Optional.empty(), SensorConversion.fromRecord(compact));
        assertEquals(Optional.empty(), SensorConversion.fromRecord(new byte[10]));
        assertEquals(Optional.empty(), SensorConversion.fromHex("not hex"));
    }

    @Test
    void aDumpCutShortIsAParseErrorAndAnEmptyDumpHasNoRecords() {
        byte[] dump = HexFormat.of().parseHex(Fixtures.ipmitool("ipmi_sim/event_text/sdr_dump.hex").replaceAll("\\s", ""));
        assertThrows(IpmitoolParseException.class, () -> SdrDumpParser.conversions(java.util.Arrays.copyOf(dump, 40)));
        assertTrue(SdrDumpParser.conversions(new byte[0]).isEmpty());
    }
}
