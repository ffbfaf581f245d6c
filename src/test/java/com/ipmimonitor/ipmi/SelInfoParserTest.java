package com.ipmimonitor.ipmi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class SelInfoParserTest {

    @Test
    void readsChangeDetectionTuple() {
        SelInfo info = SelInfoParser.parse(Fixtures.ipmitool("ipmi_sim/sel_info.txt"));

        assertEquals(51, info.entries());
        assertEquals(Instant.parse("2026-11-21T20:55:27Z").getEpochSecond(), info.lastAddEpoch());
        assertEquals(Instant.parse("2026-10-25T00:54:29Z").getEpochSecond(), info.lastEraseEpoch());
        assertFalse(info.overflow());
        assertEquals(1, info.percentUsed());
    }

    @Test
    void fullSelReportsOverflow() {
        SelInfo info = SelInfoParser.parse(Fixtures.ipmitool("ipmi_sim/sel_info_full.txt"));

        assertEquals(1024, info.entries());
        assertTrue(info.overflow());
        assertEquals(100, info.percentUsed());
        assertEquals(Instant.parse("2026-11-24T07:14:51Z").getEpochSecond(), info.lastAddEpoch());
    }

    @Test
    void notAvailableTimesBecomeMinusOne() {
        SelInfo info = SelInfoParser.parse(Fixtures.ipmitool("ipmi_sim/sel_info_empty.txt"));

        assertEquals(0, info.entries());
        assertEquals(SelInfo.NOT_AVAILABLE, info.lastAddEpoch());
        assertEquals(SelInfo.NOT_AVAILABLE, info.lastEraseEpoch());
        assertEquals(0, info.percentUsed());
    }

    @Test
    void missingPercentUsedIsMinusOne() {
        SelInfo info = SelInfoParser.parse("Entries          : 3\nOverflow         : false\n");

        assertEquals(3, info.entries());
        assertEquals(-1, info.percentUsed());
        assertEquals(SelInfo.NOT_AVAILABLE, info.lastAddEpoch());
    }

    @Test
    void outputWithoutEntriesIsRejected() {
        IpmitoolParseException e = assertThrows(IpmitoolParseException.class,
                () -> SelInfoParser.parse("Chassis Power is on\n"));
        assertEquals("Chassis Power is on", e.offendingLine());
    }

    @Test
    void garbledTimeIsRejected() {
        IpmitoolParseException e = assertThrows(IpmitoolParseException.class,
                () -> SelInfoParser.parse("Entries : 1\nLast Add Time    : 13/45/26 99:00:00 UTC\n"));
        assertEquals("13/45/26 99:00:00 UTC", e.offendingLine());
    }

    @Test
    void aPercentagePastIntRangeIsUnknownNotANumberFormatException() {
        SelInfo info = SelInfoParser.parse("Entries : 3\nPercent Used : 99999999999%\n");

        assertEquals(-1, info.percentUsed());
    }

    @Test
    void aSignedEntryCountIsRejected() {
        IpmitoolParseException e = assertThrows(IpmitoolParseException.class,
                () -> SelInfoParser.parse("Entries          : -1\n"));
        assertEquals("-1", e.offendingLine());
    }
}
