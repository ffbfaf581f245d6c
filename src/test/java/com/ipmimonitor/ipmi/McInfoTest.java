package com.ipmimonitor.ipmi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.ipmimonitor.ipmi.Fixtures;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class McInfoTest {

    @Test
    void theFirmwareIdentityOfTheSimulator() {
        assertEquals(Optional.of("343/3073/1.73/0x00 0x00 0x00 0x00"),
                McInfo.firmware(Fixtures.ipmitool("ipmi_sim/mc_info.txt")));
    }

    @Test
    void aNewRevisionIsAnotherFirmware() {
        String updated = Fixtures.ipmitool("ipmi_sim/mc_info.txt").replace("1.73", "1.74");
        assertEquals(Optional.of("343/3073/1.74/0x00 0x00 0x00 0x00"), McInfo.firmware(updated));
    }

    @Test
    void noRevisionNoIdentity() {
        assertEquals(Optional.empty(), McInfo.firmware("Get Device ID command failed\n"));
    }
}
