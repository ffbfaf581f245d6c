package com.ipmimonitor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The JSON API beyond the round trip: filters, paging, stats, CSV, server management and SEL maintenance. */
class ApiIT {

    private static final ItEnvironment env = ItEnvironment.get();

    @BeforeAll
    static void fleetPolled() {
        for (int i = 0; i < 240; i++) {
            if (Json.array(env.get("/api/servers").body()).stream().allMatch(s -> !s.asJsonObject().isNull("last_outcome"))) {
                return;
            }
            ItEnvironment.sleep(500);
        }
        throw new AssertionError("fleet not polled");
    }

    @Test
    void eventsFilterBySeverityServerAndPage() {
        SimulatedBmc large = env.bmc("large-sel");
        JsonArray critical = array("/api/events?severity=critical&server=" + large.host() + "&hours=8784&limit=50");
        assertEquals(50, critical.size());
        assertTrue(critical.stream().allMatch(e -> e.asJsonObject().getString("severity").equals("critical")
                && e.asJsonObject().getString("bmc_ip").equals(large.host())));
        JsonArray byName = array("/api/events?server=" + large.name() + "&hours=8784&limit=5");
        JsonArray page2 = array("/api/events?server=" + large.name() + "&hours=8784&limit=5&offset=5");
        assertEquals(5, byName.size());
        assertEquals(5, page2.size());
        assertFalse(byName.stream().anyMatch(page2::contains), "pages overlap");
        JsonArray byBmcIp = array("/api/events?bmc_ip=" + large.host() + "&hours=8784&limit=5");
        assertEquals(byName, byBmcIp, "bmc_ip filters like server");
        var both = env.get("/api/events?bmc_ip=" + large.host() + "&server=" + env.bmc("normal").host());
        assertEquals(400, both.statusCode(), both.body());
        assertTrue(both.body().contains("server and bmc_ip name different servers"), both.body());
    }

    @Test
    void badFiltersAre400WithTheReasons() {
        var response = env.get("/api/events?severity=fatal&hours=0&limit=-1");
        assertEquals(400, response.statusCode(), response.body());
        assertEquals(3, Json.object(response.body()).getJsonArray("details").size(), response.body());
        assertEquals(400, env.get("/api/events/export.csv?severity=nope").statusCode());
        assertEquals(400, env.get("/api/stats?hours=0").statusCode());
    }

    @Test
    void anExportThatMatchesNothingIsTheHeaderLineOnly() {
        var response = env.get("/api/events/export.csv?q=no-event-says-this-" + System.nanoTime());
        assertEquals(200, response.statusCode(), response.body());
        assertEquals(1, response.body().lines().count(), response.body());
        assertTrue(response.body().startsWith("date,bmc_ip,"), response.body());
    }

    @Test
    void statsAndEventTypesAddUp() {
        JsonObject stats = Json.object(env.get("/api/stats?hours=8784").body());
        assertEquals(env.fleet().size(), stats.getInt("total_servers"));
        assertEquals(stats.getInt("total_events"),
                stats.getInt("critical_events") + stats.getInt("warning_events") + stats.getInt("info_events"));
        JsonArray types = array("/api/event_types");
        assertTrue(types.stream().anyMatch(t -> t.asJsonObject().getString("sensor_type").equals("Memory")
                && t.asJsonObject().getString("severity").equals("warning")), types.toString());
    }

    @Test
    void csvExportRoundTripsCommasQuotesAndNewlines() throws Exception {
        SimulatedBmc bmc = env.bmc("sel-full");
        String odd = "Rack \"A\", row 2\nslot =1";
        assertEquals(200, put("/api/servers/" + bmc.host(), "{\"server_name\":" + jsonString(odd) + "}").statusCode());
        try {
            var response = env.get("/api/events/export.csv?server=" + bmc.host() + "&hours=8784");
            assertEquals(200, response.statusCode());
            assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
            List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(new StringReader(response.body())).getRecords();
            assertEquals(1024, rows.size());
            assertEquals(odd, rows.get(0).get("server_name"));
            assertEquals(bmc.host(), rows.get(0).get("bmc_ip"));
            assertTrue(rows.stream().anyMatch(r -> r.get("description").equals("Correctable ECC")
                    && r.get("sensor_name").matches("CPU\\d_ECC\\d")));
        } finally {
            put("/api/servers/" + bmc.host(), "{\"server_name\":\"" + bmc.name() + "\"}");
        }
    }

    @Test
    void sensorHistoryAndPower() {
        SimulatedBmc bmc = env.bmc("large-sel");
        JsonArray history = array("/api/sensors/" + bmc.host() + "/history?hours=1&sensor=FAN1");
        assertFalse(history.isEmpty());
        assertTrue(history.stream().allMatch(r -> r.asJsonObject().getString("sensor_name").equals("FAN1")));
        // ipmi_sim has no DCMI: the BMC said so, and no power rows were invented
        assertEquals(0, array("/api/power/" + bmc.host()).size());
        assertEquals(404, env.get("/api/power/127.0.0.250").statusCode());
        assertEquals(401, env.post("/api/sensors/collect", null, false).statusCode());
        assertEquals(202, env.post("/api/sensors/collect", null, true).statusCode());
    }

    /**
     * /api/servers reads plain rows (FleetOverview.LISTED), /api/servers/{ip} entities: both must say the same of
     * every server, polled or never (disabled: no status row), with a password of its own or without. A poll
     * landing between the two reads changes both; the comparison is retried a few times for that.
     */
    @Test
    void theFleetListSaysOfEachServerWhatItsOwnPageSays() {
        var added = env.post("/api/servers/add", "{\"bmc_ip\":\"127.0.0.98\",\"server_name\":\"never-polled\","
                + "\"enabled\":false,\"notes\":\"spare, \\\"boxed\\\"\"}", true);
        assertEquals(201, added.statusCode(), added.body());
        try {
            JsonArray listed = Json.array(env.get("/api/servers").body());
            assertTrue(listed.size() >= 2, listed.toString());
            listed.forEach(entry -> assertListedAsOnItsOwnPage(entry.asJsonObject()));
            JsonObject neverPolled = Json.serverByBmcIp(listed, "127.0.0.98").orElseThrow();
            assertEquals("UNKNOWN", neverPolled.getString("power_status"));
            assertTrue(neverPolled.isNull("last_outcome") && neverPolled.isNull("sel_entries"), neverPolled.toString());
            assertFalse(neverPolled.getBoolean("has_ipmi_password"));
            assertTrue(listed.stream().anyMatch(s -> s.asJsonObject().getBoolean("has_ipmi_password")));
            assertTrue(listed.stream().anyMatch(s -> !s.asJsonObject().isNull("last_success")));
        } finally {
            env.send(HttpRequest.newBuilder(URI.create(env.baseUrl() + "/api/servers/127.0.0.98")).DELETE(), true);
        }
    }

    /** The list is shared by the requests of a second (FleetOverview.MAX_AGE), but what was written here shows at once. */
    @Test
    void aServerWrittenHereShowsInTheListAtOnce() {
        var added = env.post("/api/servers/add", "{\"bmc_ip\":\"127.0.0.87\",\"server_name\":\"shown-at-once\","
                + "\"enabled\":false}", true);
        assertEquals(201, added.statusCode(), added.body());
        try {
            assertTrue(Json.serverByBmcIp(array("/api/servers"), "127.0.0.87").isPresent(), "added, then listed");
            assertEquals(200, put("/api/servers/127.0.0.87", "{\"notes\":\"moved to rack 4\"}").statusCode());
            assertEquals("moved to rack 4", Json.serverByBmcIp(array("/api/servers"), "127.0.0.87").orElseThrow()
                    .getString("notes"), "changed, then listed within the same second");
        } finally {
            env.send(HttpRequest.newBuilder(URI.create(env.baseUrl() + "/api/servers/127.0.0.87")).DELETE(), true);
        }
        assertTrue(Json.serverByBmcIp(array("/api/servers"), "127.0.0.87").isEmpty(), "deleted, then listed");
        assertEquals(404, env.get("/api/servers/127.0.0.87").statusCode());
    }

    /** Listed and own page read again (a bounded number of times) while a poll changes the server between them. */
    private static void assertListedAsOnItsOwnPage(JsonObject listed) {
        String bmcIp = listed.getString("bmc_ip");
        JsonObject own = Json.object(env.get("/api/servers/" + bmcIp).body());
        for (int attempt = 1; attempt < 5 && !own.equals(listed); attempt++) {
            listed = Json.serverByBmcIp(Json.array(env.get("/api/servers").body()), bmcIp).orElseThrow();
            own = Json.object(env.get("/api/servers/" + bmcIp).body());
        }
        assertEquals(own, listed, bmcIp);
    }

    @Test
    void updateAndDeleteAServerAndItsSeriesDisappear() {
        var added = env.post("/api/servers/add", "{\"bmc_ip\":\"127.0.0.99\",\"server_name\":\"to-delete\"}", true);
        assertEquals(201, added.statusCode(), added.body());
        assertEquals(400, put("/api/servers/127.0.0.99", "{\"port\":0}").statusCode());
        var updated = put("/api/servers/127.0.0.99", "{\"notes\":\"rack 9\",\"ipmi_pass\":\"s3cret\"}");
        assertEquals(200, updated.statusCode(), updated.body());
        assertTrue(Json.object(updated.body()).getBoolean("has_ipmi_password"));
        assertFalse(updated.body().contains("s3cret"));
        awaitMetrics(text -> text.contains("bmc_ip=\"127.0.0.99\""));

        var unauthorized = env.send(HttpRequest.newBuilder(URI.create(env.baseUrl() + "/api/servers/127.0.0.99")).DELETE(), false);
        assertEquals(401, unauthorized.statusCode());
        var deleted = env.send(HttpRequest.newBuilder(URI.create(env.baseUrl() + "/api/servers/127.0.0.99")).DELETE(), true);
        assertEquals(200, deleted.statusCode());
        assertEquals("success", Json.object(deleted.body()).getString("status"));
        assertEquals(404, env.get("/api/servers/127.0.0.99").statusCode());
        awaitMetrics(text -> !text.contains("bmc_ip=\"127.0.0.99\""));
    }

    @Test
    void clearSelArchivesFirstAndKeepsHistory() {
        SimulatedBmc bmc = env.bmc("power-off");
        env.simConsole(bmc, "sel_add 0x20 0x02 0 0 0 0 0x20 0x00 0x04 0x07 0x70 0x6f 0x00 0xff 0xff");
        var response = env.post("/api/server/" + bmc.host() + "/clear_sel", null, true);
        // 409 while a scheduled poll of this BMC holds its lease: a client tries again, as the message says
        for (int i = 0; i < 30 && response.statusCode() == 409; i++) {
            ItEnvironment.sleep(500);
            response = env.post("/api/server/" + bmc.host() + "/clear_sel", null, true);
        }
        assertEquals(200, response.statusCode(), response.body());
        JsonObject clearedSel = Json.object(response.body());
        assertTrue(clearedSel.getBoolean("cleared"));
        assertEquals("success", clearedSel.getString("status"), "the original's field");
        assertFalse(clearedSel.getString("message").isBlank() || clearedSel.getString("output").isBlank(), clearedSel.toString());
        assertTrue(env.ipmitool(bmc, "sel", "info").contains("Entries          : 0"), "the BMC's SEL was not cleared");
        JsonArray stored = array("/api/server/" + bmc.host() + "/events?limit=100000");
        assertEquals(bmc.selEntries() + 1, stored.size(), "every record, including the one added just before, is kept");
        assertTrue(stored.stream().anyMatch(e -> e.asJsonObject().getString("description").equals("IERR")));

        var cleared = env.post("/api/server/" + bmc.host() + "/clear_db_events", null, true);
        assertEquals(200, cleared.statusCode(), cleared.body());
        assertEquals(bmc.selEntries() + 1, Json.object(cleared.body()).getInt("deleted_events"));
        assertEquals("success", Json.object(cleared.body()).getString("status"));
        assertEquals(0, array("/api/server/" + bmc.host() + "/events").size());
        assertEquals(401, env.post("/api/clear_all_sel", null, false).statusCode());
    }

    private static void awaitMetrics(java.util.function.Predicate<String> done) {
        for (int i = 0; i < 80; i++) {
            if (done.test(env.get("/metrics").body())) {
                return;
            }
            ItEnvironment.sleep(500);
        }
        throw new AssertionError("/metrics never matched");
    }

    private static java.net.http.HttpResponse<String> put(String path, String json) {
        return env.send(HttpRequest.newBuilder(URI.create(env.baseUrl() + path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)), true);
    }

    private static JsonArray array(String path) {
        var response = env.get(path);
        assertEquals(200, response.statusCode(), path + ": " + response.body());
        return Json.array(response.body());
    }

    private static String jsonString(String s) {
        return jakarta.json.Json.createValue(s).toString();
    }
}
