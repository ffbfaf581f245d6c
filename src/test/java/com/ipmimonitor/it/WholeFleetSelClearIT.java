package com.ipmimonitor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Runs last (alphabetical IT order): it clears the SEL of every simulated BMC. */
class WholeFleetSelClearIT {

    private final ItEnvironment env = ItEnvironment.get();

    @Test
    void clearAllArchivesThenClearsEveryReachableBmcAndSkipsTheOthers() {
        SimulatedBmc large = env.bmc("large-sel");
        int storedBefore = Json.array(env.get("/api/server/" + large.host() + "/events?limit=100000").body()).size();

        var response = env.post("/api/clear_all_sel", null, true);
        assertEquals(200, response.statusCode(), response.body());
        JsonObject summary = Json.object(response.body());
        Map<String, JsonObject> results = summary.getJsonArray("results").stream().map(v -> v.asJsonObject())
                .collect(Collectors.toMap(o -> o.getString("bmc_ip"), o -> o));
        assertEquals("completed", summary.getString("status"));
        assertEquals(results.size(), summary.getInt("cleared") + summary.getInt("failed"), summary.toString());
        assertTrue(summary.getJsonObject("details").getJsonArray("success").stream()
                .anyMatch(ip -> ((jakarta.json.JsonString) ip).getString().equals(large.host())), summary.toString());

        assertTrue(results.get(large.host()).getBoolean("cleared"), results.toString());
        assertTrue(env.ipmitool(large, "sel", "info").contains("Entries          : 0"));
        JsonObject wrong = results.get(env.bmc("wrong-password").host());
        assertFalse(wrong.getBoolean("cleared"));
        assertTrue(wrong.getString("message").contains("AUTH_FAILED"), wrong.toString());
        assertFalse(results.get(env.bmc("unreachable").host()).getBoolean("cleared"));

        int storedAfter = Json.array(env.get("/api/server/" + large.host() + "/events?limit=100000").body()).size();
        assertEquals(storedBefore, storedAfter, "clearing the BMC must neither lose nor duplicate stored history");
    }
}
