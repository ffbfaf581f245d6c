package com.ipmimonitor.ipmi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SelElistParserTest {

    private static SelLine only(String line) {
        List<SelLine> lines = SelElistParser.parse(line);
        assertEquals(1, lines.size());
        return lines.get(0);
    }

    @Test
    void wholeSampleSelParses() {
        List<SelLine> lines = SelElistParser.parse(Fixtures.ipmitool("ipmi_sim/sel_elist.txt"));

        assertEquals(51, lines.size());
        assertEquals(0x33, lines.get(50).recordId());
        assertEquals("Memory", lines.get(50).sensorType());
        assertEquals("CPU2_ECC1", lines.get(50).sensorName());
    }

    @Test
    void eventLineSplitsTypeAndSdrName() {
        SelLine line = only("   5 | 10/29/26 | 03:33:37 UTC | Power Supply PS2 Status | Failure detected | Asserted");

        assertEquals(5, line.recordId());
        assertEquals(Optional.of(LocalDateTime.of(2026, 10, 29, 3, 33, 37)), line.timestamp());
        assertEquals("Power Supply", line.sensorType());
        assertEquals("PS2 Status", line.sensorName());
        assertEquals(Optional.empty(), line.sensorNumber());
        assertEquals("Failure detected", line.description());
        assertEquals(Optional.of(true), line.asserted());
        assertEquals("", line.detail());
    }

    @Test
    void multiWordTypeWithMultiWordName() {
        SelLine line = only("   1 | 10/25/26 | 00:54:29 UTC | Event Logging Disabled Event Log | Log area reset/cleared | Asserted");

        assertEquals("Event Logging Disabled", line.sensorType());
        assertEquals("Event Log", line.sensorName());
    }

    @Test
    void thresholdLineKeepsReadingAndTrimsTrailingSpace() {
        SelLine line = only("   8 | 10/31/26 | 00:18:23 UTC | Fan FAN2 | Lower Critical going low  | Asserted | Reading 400 < Threshold 500 RPM");

        assertEquals("Fan", line.sensorType());
        assertEquals("FAN2", line.sensorName());
        assertEquals("Lower Critical going low", line.description());
        assertEquals("Reading 400 < Threshold 500 RPM", line.detail());
    }

    @Test
    void deassertedIsNotAsserted() {
        SelLine line = only("   a | 10/31/26 | 12:20:59 UTC | Fan FAN2 | Lower Critical going low  | Deasserted | Reading 600 > Threshold 500 RPM");

        assertEquals(0x0a, line.recordId());
        assertEquals(Optional.of(false), line.asserted());
    }

    @Test
    void preInitLineHasNoWallClockTime() {
        SelLine line = only("  1f |  Pre-Init  |0000006985| Memory CPU1_ECC1 | Correctable ECC | Asserted");

        assertEquals(0x1f, line.recordId());
        assertTrue(line.preInit());
        assertEquals(Optional.empty(), line.timestamp());
        assertEquals("Memory", line.sensorType());
        assertEquals("CPU1_ECC1", line.sensorName());
        assertEquals("Correctable ECC", line.description());
        assertEquals(Optional.of(true), line.asserted());
    }

    @Test
    void timestampedOemLine() {
        SelLine line = only("  11 | 11/03/26 | 14:00:50 UTC | OEM record c1 | 002a7c | deadbeef0102");

        assertTrue(line.isOem());
        assertEquals("OEM record c1", line.description());
        assertEquals("002a7c | deadbeef0102", line.detail());
        assertEquals(Optional.empty(), line.asserted());
        assertEquals(Optional.of(LocalDateTime.of(2026, 11, 3, 14, 0, 50)), line.timestamp());
    }

    @Test
    void threeColumnOemLineHasNoTimestamp() {
        SelLine line = only("  12 | OEM record e0 | 101112131415161718191a1b1c");

        assertEquals(0x12, line.recordId());
        assertTrue(line.isOem());
        assertFalse(line.preInit());
        assertEquals(Optional.empty(), line.timestamp());
        assertEquals("OEM record e0", line.description());
        assertEquals("101112131415161718191a1b1c", line.detail());
    }

    @Test
    void superMicroEmptyParenthesesAreDropped() {
        List<SelLine> lines = SelElistParser.parse(Fixtures.ipmitool("ipmi_sim_supermicro/sel_elist.txt"));
        SelLine first = lines.get(0);

        assertEquals(50, lines.size());
        assertEquals("Log area reset/cleared", first.description());
        assertEquals("Failure detected", lines.get(4).description());
        assertEquals("IERR", lines.get(15).description());
    }

    @Test
    void selListGivesSensorNumberInsteadOfName() {
        List<SelLine> lines = SelElistParser.parse(Fixtures.ipmitool("ipmi_sim/sel_list.txt"));
        SelLine ecc = lines.get(1);

        assertEquals("Memory", ecc.sensorType());
        assertEquals("", ecc.sensorName());
        assertEquals(Optional.of(0x50), ecc.sensorNumber());
        assertEquals("Event Logging Disabled", lines.get(0).sensorType());
        assertEquals(Optional.of(0x60), lines.get(0).sensorNumber());
    }

    @Test
    void emptyAndBlankOutputGiveNoLines() {
        assertEquals(List.of(), SelElistParser.parse(""));
        assertEquals(List.of(), SelElistParser.parse("\n  \n"));
    }

    @Test
    void unparseableLineIsRejectedWithTheLine() {
        String bad = "SEL has no entries";
        IpmitoolParseException e = assertThrows(IpmitoolParseException.class, () -> SelElistParser.parse(bad));
        assertEquals(bad, e.offendingLine());
    }

    @Test
    void badDateIsRejected() {
        assertThrows(IpmitoolParseException.class,
                () -> SelElistParser.parse("   2 | 13/99/26 | 02:25:21 UTC | Memory CPU1_ECC1 | Correctable ECC | Asserted"));
    }

    @Test
    void aSignedOrLongerThan16BitRecordIdIsRejected() {
        for (String id : List.of("-1", "+1", "10000")) {
            assertThrows(IpmitoolParseException.class, () -> SelElistParser.parse(
                    id + " | 10/25/26 | 02:25:21 UTC | Memory CPU1_ECC1 | Correctable ECC | Asserted"), id);
        }
    }
}
