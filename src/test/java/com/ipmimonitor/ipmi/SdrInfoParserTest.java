package com.ipmimonitor.ipmi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SdrInfoParserTest {

    @Test
    void signatureIsRecordCountAndChangeTimes() {
        assertEquals("27|NA|NA", SdrInfoParser.signature(Fixtures.ipmitool("ipmi_sim/sdr_info.txt")));
    }

    @Test
    void anAddedRecordChangesTheSignature() {
        String before = Fixtures.ipmitool("ipmi_sim/sdr_info.txt");
        String after = before.replace("Record Count                        : 27", "Record Count                        : 28");
        assertNotEquals(SdrInfoParser.signature(before), SdrInfoParser.signature(after));
    }

    @Test
    void outputWithoutRecordCountIsAParseError() {
        var e = assertThrows(IpmitoolParseException.class, () -> SdrInfoParser.signature("garbage\n"));
        assertEquals("garbage", e.offendingLine());
    }
}
