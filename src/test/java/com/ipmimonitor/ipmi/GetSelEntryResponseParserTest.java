package com.ipmimonitor.ipmi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class GetSelEntryResponseParserTest {

    // exec of ids 1, 0x70 (missing: nothing on stdout), 2, 0x0b; rc was 1
    private static final String WITH_MISSING_ID = """
             02 00 01 00 02 55 b3 dd 6a 20 00 04 10 60 6f 02
             ff ff
             03 00 02 00 02 93 38 e5 6a 20 00 04 0c 50 6f a0
             00 01
             ff ff 0b 00 02 14 dc 04 6b 20 00 04 01 01 01 59
             5b 5a
            """;

    @Test
    void missingIdLeavesNoGapInTheStream() {
        List<SelEntryResponse> responses = GetSelEntryResponseParser.parse(WITH_MISSING_ID);

        assertEquals(3, responses.size());
        assertEquals(0x0002, responses.get(0).nextRecordId());
        assertEquals(0x0003, responses.get(1).nextRecordId());
        assertTrue(responses.get(2).isLast());
        assertArrayEquals(HexFormat.of().parseHex("0b0002" + "14dc046b" + "2000" + "04010101595b5a"),
                responses.get(2).record());
    }

    @Test
    void liveBatchOf35RequestsWithOneMissingId() {
        List<SelEntryResponse> responses =
                GetSelEntryResponseParser.parse(Fixtures.ipmitool("ipmi_sim/exec_get_sel_entry.txt"));

        assertEquals(34, responses.size());
        assertEquals(0x0001, responses.get(0).record()[0]);
        assertEquals(0x0002, responses.get(0).nextRecordId());
    }

    @Test
    void singleRawGetOfFirstRecord() {
        List<SelEntryResponse> responses =
                GetSelEntryResponseParser.parse(Fixtures.ipmitool("ipmi_sim/raw_get_sel_first.txt"));

        assertEquals(1, responses.size());
        assertEquals(0x0002, responses.get(0).nextRecordId());
        // the trailing "ff ff" line is event data 2 and 3 of the record, not a next-id of 0xffff
        assertArrayEquals(HexFormat.of().parseHex("010002455" + "3dd6a20000410606f02ffff"), responses.get(0).record());
    }

    @Test
    void emptyStdoutMeansNoRecords() {
        assertEquals(List.of(), GetSelEntryResponseParser.parse(""));
    }

    @Test
    void getSelInfoResponseIsNotASelEntry() {
        String line = " 51 33 00 d0 f6 3f 05 02 6b 45 53 dd 6a 0b";
        IpmitoolParseException e = assertThrows(IpmitoolParseException.class,
                () -> GetSelEntryResponseParser.parse(line + "\n"));
        assertEquals(line, e.offendingLine());
    }

    @Test
    void truncatedResponseIsRejected() {
        assertThrows(IpmitoolParseException.class,
                () -> GetSelEntryResponseParser.parse(" 02 00 01 00 02 55 b3 dd 6a 20 00 04 10 60 6f 02\n"));
    }

    @Test
    void textIsNotAResponse() {
        assertThrows(IpmitoolParseException.class,
                () -> GetSelEntryResponseParser.parse("Unable to send RAW command\n"));
    }
}
