package com.ipmimonitor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class HealthIT {

    private final ItEnvironment env = ItEnvironment.get();

    @Test
    void readyWhenTheDatabaseAnswers() {
        var response = env.get("/health/ready");
        assertEquals(200, response.statusCode(), response.body());
        assertEquals("UP", Json.object(response.body()).getString("status"));
    }

    @Test
    void healthNamesTheDatabaseAndTheCollectorTimer() {
        var response = env.get("/health");
        assertEquals(200, response.statusCode(), response.body());
        Map<String, String> checks = Json.object(response.body()).getJsonArray("checks").stream()
                .map(v -> (JsonObject) v)
                .collect(Collectors.toMap(c -> c.getString("name"), c -> c.getString("status")));
        assertEquals("UP", checks.get("database"));
        assertEquals("UP", checks.get("collector-timer"));
        assertTrue(Json.object(env.get("/health/live").body()).getJsonArray("checks").toString().contains("lastTick"));
    }

    /** Liveness also says whether garbage collection can still free the heap (HeapHealth). */
    @Test
    void livenessNamesTheHeapWithItsUseAfterTheLastCollection() {
        var response = env.get("/health/live");
        assertEquals(200, response.statusCode(), response.body());
        JsonObject heap = Json.object(response.body()).getJsonArray("checks").stream().map(v -> (JsonObject) v)
                .filter(c -> c.getString("name").equals("heap")).findFirst()
                .orElseThrow(() -> new AssertionError("no heap check: " + response.body()));
        assertEquals("UP", heap.getString("status"));
        // Payara writes the number as a string
        int percent = Integer.parseInt(heap.getJsonObject("data").get("usedAfterLastGcPercent").toString().replace("\"", ""));
        assertTrue(percent >= 0 && percent < 95, heap.toString());
    }
}
