package com.ipmimonitor.overview.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.ipmimonitor.sql.NativeRow;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The dashboard's 19 columns are read by name: reordering them changes nothing, renaming one fails loudly. */
class FleetOverviewRowTest {

    private static Map<String, Object> columns() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("id", 7L);
        c.put("bmc_ip", "10.0.0.7");
        c.put("bmc_port", 623);
        c.put("server_name", "node-7");
        c.put("server_ip", "10.1.0.7");
        c.put("enabled", true);
        c.put("use_nvidia_password", false);
        c.put("has_password", true);
        c.put("notes", "rack 3");
        c.put("power_state", "ON");
        c.put("reachable", true);
        c.put("last_outcome", "OK");
        c.put("last_error", null);
        c.put("last_attempt_at", null);
        c.put("last_success_at", null);
        c.put("sel_entries", 12);
        c.put("sel_percent_used", 40);
        c.put("sel_overflow", false);
        c.put("cipher_suite", 17);
        c.put("protocol", "redfish");
        return c;
    }

    @Test
    void aReorderedQueryGivesTheSameRow() {
        Map<String, Object> written = columns();
        List<String> names = new ArrayList<>(written.keySet());
        Collections.reverse(names);
        Map<String, Object> reversed = new LinkedHashMap<>();
        names.forEach(n -> reversed.put(n, written.get(n)));

        ServerView.Row row = FleetOverview.listed(NativeRow.of(written));
        assertEquals(row, FleetOverview.listed(NativeRow.of(reversed)));
        assertEquals("10.0.0.7", row.bmcIp());
        assertEquals("10.1.0.7", row.serverIp());
        assertEquals(17, row.cipherSuite());
        assertEquals(12, row.selEntries());
        assertEquals("redfish", row.protocol());
    }

    @Test
    void aRenamedColumnFailsInsteadOfShiftingAnother() {
        Map<String, Object> renamed = new LinkedHashMap<>();
        columns().forEach((name, value) -> renamed.put(name.equals("server_ip") ? "host_ip" : name, value));
        assertThrows(IllegalStateException.class, () -> FleetOverview.listed(NativeRow.of(renamed)));
    }
}
