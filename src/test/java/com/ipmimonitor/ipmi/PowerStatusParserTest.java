package com.ipmimonitor.ipmi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PowerStatusParserTest {

    @Test
    void onFromFixture() {
        assertEquals(PowerState.ON, PowerStatusParser.parse(Fixtures.ipmitool("ipmi_sim/power_status.txt")));
        assertEquals(PowerState.ON, PowerStatusParser.parse(Fixtures.ipmitool("ipmi_sim/power_status_live.txt")));
    }

    @Test
    void off() {
        assertEquals(PowerState.OFF, PowerStatusParser.parse("Chassis Power is off\n"));
    }

    @Test
    void anythingElseIsRejected() {
        IpmitoolParseException e = assertThrows(IpmitoolParseException.class,
                () -> PowerStatusParser.parse("Chassis Power Control: Up/On\n"));
        assertEquals("Chassis Power Control: Up/On", e.offendingLine());
        assertThrows(IpmitoolParseException.class, () -> PowerStatusParser.parse(""));
    }
}
