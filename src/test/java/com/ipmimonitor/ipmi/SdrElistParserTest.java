package com.ipmimonitor.ipmi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class SdrElistParserTest {

    @Test
    void readsNumberStatusEntityAndReading() {
        List<SdrEntry> entries = SdrElistParser.parse(Fixtures.ipmitool("ipmi_sim/sdr_elist.txt"));

        assertEquals(25, entries.size());
        assertEquals(new SdrEntry("CPU1 Temp", 0x01, "ok", "3.1", "44 degrees C"), entries.get(0));
        assertEquals(new SdrEntry("CPU1_ECC1", 0x50, "ok", "8.1", ""), entries.get(17));
        assertEquals(new SdrEntry("5VCC", 0x21, "ok", "7.2", "5.01 Volts"), entries.get(9));
    }

    @Test
    void abnormalStatesAndJoinedDiscreteStates() {
        List<SdrEntry> entries = SdrElistParser.parse(Fixtures.ipmitool("ipmi_sim/sdr_elist_abnormal.txt"));

        assertEquals("ucr", entries.get(0).status());
        assertEquals("lcr", entries.get(5).status());
        assertEquals("400 RPM", entries.get(5).reading());
        assertEquals("Presence detected, Failure detected", entries.get(16).reading());
        assertEquals("Correctable ECC", entries.get(17).reading());
    }

    @Test
    void liveCaptureParses() {
        List<SdrEntry> entries = SdrElistParser.parse(Fixtures.ipmitool("ipmi_sim/sdr_elist_live.txt"));

        assertEquals(0x71, entries.get(entries.size() - 1).sensorNumber());
        assertEquals("CPU2 Status", entries.get(entries.size() - 1).name());
    }

    @Test
    void lineWithoutFiveColumnsIsRejected() {
        assertThrows(IpmitoolParseException.class, () -> SdrElistParser.parse("CPU1 Temp | 01h | ok\n"));
        assertThrows(IpmitoolParseException.class, () -> SdrElistParser.parse("CPU1 Temp | 0x01 | ok | 3.1 | 4\n"));
    }
}
