package com.ipmimonitor.web.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ServerActionTest {

    @Test
    void oneServerIsNamedSeveralAreCountedAndListedUpToFive() {
        assertEquals("Stop monitoring gpu-01? Removed with their stored events and sensor history.",
                ServerAction.DELETE.describe(List.of("gpu-01")));
        assertEquals("Pause polling of 2 servers? (a, b) Nothing is polled, stored data stays; resume at any time.",
                ServerAction.PAUSE.describe(List.of("a", "b")));
        assertEquals("Poll 6 servers now? (a, b, c, d, e, ...) Each poll starts within seconds.",
                ServerAction.COLLECT.describe(List.of("a", "b", "c", "d", "e", "f")));
    }
}
