package com.ipmimonitor.web.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ipmimonitor.overview.boundary.ServerView;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServerFindTest {

    private static ServerView server(String name, String bmcIp, String hostIp) {
        return new ServerView(bmcIp, 623, name, hostIp, true, false, false, null, "ON", true, "OK", null, null, null,
                0, 0, 0, 0, 0, null, false, null, 1, false, 0, 0, 0, 0, 0);
    }

    @Test
    void findsByAnyPartOfNameOrAddressesIgnoringCase() {
        ServerView gpu = server("GPU-Node-07", "10.0.1.7", "192.168.5.7");
        assertTrue(ServerFind.of("node-07").test(gpu));
        assertTrue(ServerFind.of(" 10.0.1. ").test(gpu));
        assertTrue(ServerFind.of("168.5").test(gpu));
        assertTrue(ServerFind.of("").test(gpu));
        assertTrue(ServerFind.of(null).test(gpu));
        assertFalse(ServerFind.of("node-08").test(gpu));
        assertFalse(ServerFind.of("x").test(server("a", "10.0.0.1", null)), "no host address is no match, not an error");
    }
}
