package com.ipmimonitor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Simulated BMC -> ipmitool -> PostgreSQL -> HTTP, for every kind of BMC in the fleet. */
class CollectionRoundTripIT {

    private static final ItEnvironment env = ItEnvironment.get();

    @BeforeAll
    static void everyServerPolledOnce() {
        awaitServers(servers -> servers.stream().allMatch(s -> !s.asJsonObject().isNull("last_outcome")), 120);
    }

    @Test
    void largeSelIsStoredCompletely() {
        SimulatedBmc large = env.bmc("large-sel");
        JsonObject server = server(large);
        assertEquals("OK", server.getString("last_outcome"));
        assertTrue(server.getBoolean("is_reachable"));
        assertEquals(large.selEntries(), server.getInt("sel_entries"));
        assertEquals(large.selEntries(), events(large, 100_000).size());
    }

    @Test
    void fullSelAndEmptySel() {
        assertEquals(1024, events(env.bmc("sel-full"), 100_000).size());
        SimulatedBmc empty = env.bmc("empty-sel");
        assertEquals("OK", server(empty).getString("last_outcome"));
        assertEquals(0, events(empty, 10).size());
    }

    @Test
    void poweredOffChassisIsReachableAndOff() {
        JsonObject off = server(env.bmc("power-off"));
        assertEquals("OFF", off.getString("power_status"));
        assertTrue(off.getBoolean("is_reachable"));
    }

    @Test
    void wrongPasswordIsAnAuthenticationFailureNotReachable() {
        JsonObject server = server(env.bmc("wrong-password"));
        assertEquals("AUTH_FAILED", server.getString("last_outcome"));
        assertFalse(server.getBoolean("is_reachable"));
    }

    @Test
    void silentAddressIsUnreachable() {
        JsonObject server = server(env.bmc("unreachable"));
        assertEquals("UNREACHABLE", server.getString("last_outcome"));
        assertFalse(server.getBoolean("is_reachable"));
    }

    @Test
    void eventsAreNamedAndClassifiedFromTheRecordItself() {
        JsonArray events = events(env.bmc("large-sel"), 100_000);
        JsonObject ecc = events.stream().map(v -> v.asJsonObject())
                .filter(e -> e.getString("description").equals("Correctable ECC")).findFirst().orElseThrow();
        assertEquals("warning", ecc.getString("severity"));
        assertTrue(ecc.getString("sensor_name").matches("CPU\\d_ECC\\d"), ecc.toString());
        assertTrue(events.stream().map(v -> v.asJsonObject())
                .anyMatch(e -> e.getString("description").equals("Uncorrectable ECC")
                        && e.getString("severity").equals("critical")));
    }

    @Test
    void anInjectedEventIsStoredOnceWithSeverityAndEccName() {
        SimulatedBmc bmc = env.fleet().stream().filter(b -> b.note().equals("normal")).findFirst().orElseThrow();
        int before = events(bmc, 100_000).size();
        env.simConsole(bmc, "sel_add 0x20 0x02 0 0 0 0 0x20 0x00 0x04 0x0c 0x50 0x6f 0xa0 0x00 0x01");
        collectNow(bmc);
        JsonArray after = awaitEvents(bmc, n -> n == before + 1);
        JsonObject newest = after.stream().map(v -> v.asJsonObject()).max(
                java.util.Comparator.comparingInt(e -> e.getInt("record_id"))).orElseThrow();
        assertEquals("Correctable ECC | Asserted [CPU1_ECC1]", newest.getString("summary"));
        assertEquals(newest.getString("summary"), newest.getString("event_description"), "the original's full line");
        assertEquals(Integer.toHexString(newest.getInt("record_id")), newest.getString("sel_id"));
        assertEquals("#0x50", newest.getString("sensor_id"));
        assertEquals("warning", newest.getString("severity"));

        String lastSuccess = server(bmc).getString("last_success");
        collectNow(bmc);
        awaitPollAfter(bmc, lastSuccess);
        assertEquals(before + 1, events(bmc, 100_000).size(), "a second poll must not store the event again");
    }

    @Test
    void historySurvivesASelClearOnTheBmc() {
        SimulatedBmc bmc = env.fleet().stream().filter(b -> b.note().equals("normal")).reduce((a, b) -> b).orElseThrow();
        int before = events(bmc, 100_000).size();
        assertTrue(before > 0);
        env.ipmitool(bmc, "sel", "clear");
        env.simConsole(bmc, "sel_add 0x20 0x02 0 0 0 0 0x20 0x00 0x04 0x0c 0x51 0x6f 0xa1 0x00 0x02");
        collectNow(bmc);
        JsonArray after = awaitEvents(bmc, n -> n == before + 1);
        assertTrue(after.stream().map(v -> v.asJsonObject())
                .anyMatch(e -> e.getString("description").equals("Uncorrectable ECC")
                        && e.getString("severity").equals("critical")), after.toString());
        assertEquals(1, server(bmc).getInt("sel_entries"), "the BMC now holds only the new record");
    }

    @Test
    void sensorNamesAndThresholdsComeFromTheBmc() {
        SimulatedBmc bmc = env.bmc("large-sel");
        JsonObject names = Json.object(env.get("/api/sensors/" + bmc.host() + "/names").body());
        assertEquals(bmc.host(), names.getString("bmc_ip"));
        assertEquals("CPU1_ECC1", names.getJsonObject("sensors").getString("50"));
        JsonArray sensors = Json.array(env.get("/api/sensors/" + bmc.host()).body());
        JsonObject fan = sensor(sensors, "FAN1");
        assertEquals("fan", fan.getString("sensor_type"));
        assertEquals(300.0, fan.getJsonNumber("lower_non_recoverable").doubleValue());
        assertEquals(500.0, fan.getJsonNumber("lower_critical").doubleValue());
        assertEquals(700.0, fan.getJsonNumber("lower_non_critical").doubleValue());
        assertEquals(700.0, fan.getJsonNumber("lower_warning").doubleValue());
        JsonObject cpu = sensor(sensors, "CPU1 Temp");
        assertEquals("temperature", cpu.getString("sensor_type"));
        assertEquals(85.0, cpu.getJsonNumber("upper_non_critical").doubleValue());
        assertEquals(90.0, cpu.getJsonNumber("upper_critical").doubleValue());
        assertEquals(95.0, cpu.getJsonNumber("upper_non_recoverable").doubleValue());
    }

    @Test
    void aFailingFanShowsInSensorsAndAsCriticalEvents() {
        SimulatedBmc bmc = env.fleet().stream().filter(b -> b.note().equals("normal")).skip(1).findFirst().orElseThrow();
        int before = events(bmc, 100_000).size();
        // FAN2 to 400 RPM: the BMC itself logs "Lower Non-critical going low" and "Lower Critical going low"
        env.simConsole(bmc, "sensor_set_value 0x20 0 0x11 4 1");
        try {
            collectNow(bmc);
            JsonArray after = awaitEvents(bmc, n -> n >= before + 2);
            assertTrue(after.stream().map(v -> v.asJsonObject()).anyMatch(e ->
                    e.getString("summary").equals("Lower Critical going low | Asserted [FAN2]")
                            && e.getString("severity").equals("critical")), after.toString());
            assertTrue(after.stream().map(v -> v.asJsonObject()).anyMatch(e ->
                    e.getString("summary").equals("Lower Non-critical going low | Asserted [FAN2]")
                            && e.getString("severity").equals("warning")), after.toString());
            JsonObject fan = sensor(Json.array(env.get("/api/sensors/" + bmc.host()).body()), "FAN2");
            assertEquals(400.0, fan.getJsonNumber("value").doubleValue());
            assertEquals("cr", fan.getString("status"));
        } finally {
            // back to the generated 8,600 RPM, so that the next test to fail this fan sees it go low again
            env.simConsole(bmc, "sensor_set_value 0x20 0 0x11 86 1");
        }
    }

    @Test
    void deassertionsCloseWhatOneUpdatePerRecordClosed() throws SQLException {
        // Correctable ECC on two memory sensors no other test uses; the BMC stamps each record with its clock
        String assertedX = "sel_add 0x20 0x02 0 0 0 0 0x20 0x00 0x04 0x0c 0x53 0x6f 0xa0 0x00 0x01";
        String deassertedX = "sel_add 0x20 0x02 0 0 0 0 0x20 0x00 0x04 0x0c 0x53 0xef 0xa0 0x00 0x01";
        String assertedY = "sel_add 0x20 0x02 0 0 0 0 0x20 0x00 0x04 0x0c 0x54 0x6f 0xa0 0x00 0x01";
        String deassertedY = "sel_add 0x20 0x02 0 0 0 0 0x20 0x00 0x04 0x0c 0x54 0xef 0xa0 0x00 0x01";
        SimulatedBmc bmc = env.fleet().stream().filter(b -> b.note().equals("normal")).findFirst().orElseThrow();
        int before = events(bmc, 100_000).size();
        int lastRecordBefore = events(bmc, 100_000).stream().mapToInt(e -> e.asJsonObject().getInt("record_id")).max()
                .orElse(-1);
        env.simConsole(bmc, assertedX);
        collectNow(bmc);
        awaitEvents(bmc, n -> n == before + 1);
        // next poll: X asserted and deasserted, a second later deasserted again (both deassertions match the open
        // assertions; the first closed them); then Y asserted, deasserted and asserted again in the same second
        // (after the deassertion: one UPDATE per record left it open)
        env.simConsole(bmc, assertedX, deassertedX);
        // the BMC stamps records to the second: the next ones go in once its clock has moved on
        String stampedAt = env.ipmitool(bmc, "sel", "time", "get").strip();
        ItEnvironment.await("the BMC's clock a second on", 10, () -> !env.ipmitool(bmc, "sel", "time", "get").strip().equals(stampedAt));
        env.simConsole(bmc, deassertedX, assertedY, deassertedY, assertedY);
        collectNow(bmc);
        awaitEvents(bmc, n -> n == before + 7);

        List<ConditionRow> x = conditionRows(bmc, 0x53, lastRecordBefore);
        assertEquals(List.of(false, false, true, true), x.stream().map(r -> r.deassertion).toList(), x.toString());
        OffsetDateTime firstDeassertion = x.get(2).eventTime;
        assertTrue(x.get(3).eventTime.isAfter(firstDeassertion), x.toString());
        assertEquals(Arrays.asList(firstDeassertion, firstDeassertion, null, null),
                x.stream().map(r -> r.resolvedAt).toList(), "the earlier poll's assertion too; " + x);
        List<ConditionRow> y = conditionRows(bmc, 0x54, lastRecordBefore);
        assertEquals(List.of(false, true, false), y.stream().map(r -> r.deassertion).toList(), y.toString());
        assertEquals(Arrays.asList(y.get(1).eventTime, null, null), y.stream().map(r -> r.resolvedAt).toList(),
                y.toString());
    }

    @Test
    void pollsLeaveTheServerRowAsItWas() throws SQLException {
        // a poll reads its server (address, account, encrypted password) and writes only its own tables: an
        // UPDATE of the server row per poll would be a dead tuple and a fresh ciphertext (random IV) for nothing
        SimulatedBmc bmc = env.bmc("power-off");
        String before = serverRow(bmc);
        for (int i = 0; i < 3; i++) {
            String lastSuccess = server(bmc).getString("last_success");
            collectNow(bmc);
            awaitPollAfter(bmc, lastSuccess);
        }
        assertEquals(before, serverRow(bmc), "xmin, version, updated_at and password ciphertext after 3 polls");
    }

    /** The row's version as PostgreSQL sees it: any UPDATE, even of equal values, gives it a new xmin. */
    private static String serverRow(SimulatedBmc bmc) throws SQLException {
        try (Connection db = env.appDatabase(); PreparedStatement query = db.prepareStatement(
                "select xmin::text, version, updated_at, ipmi_pass_enc from server where bmc_ip = ?")) {
            query.setString(1, bmc.host());
            try (ResultSet r = query.executeQuery()) {
                assertTrue(r.next(), bmc.host());
                return r.getString(1) + " " + r.getLong(2) + " " + r.getString(3) + " " + r.getString(4);
            }
        }
    }

    private record ConditionRow(int recordId, boolean deassertion, OffsetDateTime eventTime, OffsetDateTime resolvedAt) {
    }

    /** The stored records of one sensor after a record id, in SEL order. */
    private static List<ConditionRow> conditionRows(SimulatedBmc bmc, int sensorNumber, int afterRecordId)
            throws SQLException {
        try (Connection db = env.appDatabase(); PreparedStatement query = db.prepareStatement("""
                select e.record_id, e.deassertion, e.event_time, e.resolved_at from sel_event e
                  join server s on s.id = e.server_id
                 where s.bmc_ip = ? and e.sensor_number = ? and e.record_id > ? order by e.record_id""")) {
            query.setString(1, bmc.host());
            query.setInt(2, sensorNumber);
            query.setInt(3, afterRecordId);
            List<ConditionRow> rows = new ArrayList<>();
            try (ResultSet r = query.executeQuery()) {
                while (r.next()) {
                    rows.add(new ConditionRow(r.getInt(1), r.getBoolean(2), r.getObject(3, OffsetDateTime.class),
                            r.getObject(4, OffsetDateTime.class)));
                }
            }
            return rows;
        }
    }

    private static JsonObject sensor(JsonArray sensors, String name) {
        return sensors.stream().map(v -> v.asJsonObject()).filter(s -> s.getString("sensor_name").equals(name))
                .findFirst().orElseThrow(() -> new AssertionError(name + " missing from " + sensors));
    }

    private static void collectNow(SimulatedBmc bmc) {
        var response = env.post("/api/collect?bmc_ip=" + bmc.host(), null, true);
        assertEquals(202, response.statusCode(), response.body());
    }

    private static void awaitPollAfter(SimulatedBmc bmc, String lastSuccess) {
        for (int i = 0; i < 60; i++) {
            if (!server(bmc).getString("last_success").equals(lastSuccess)) {
                return;
            }
            ItEnvironment.sleep(500);
        }
        throw new AssertionError("no new poll of " + bmc.name() + " within 30 s");
    }

    private static JsonArray awaitEvents(SimulatedBmc bmc, Predicate<Integer> done) {
        JsonArray events = null;
        for (int i = 0; i < 60; i++) {
            events = events(bmc, 100_000);
            if (done.test(events.size())) {
                return events;
            }
            ItEnvironment.sleep(500);
        }
        throw new AssertionError("events of " + bmc.name() + " never matched; last count " + events.size());
    }

    private static void awaitServers(Predicate<JsonArray> done, int seconds) {
        for (int i = 0; i < seconds * 2; i++) {
            if (done.test(Json.array(env.get("/api/servers").body()))) {
                return;
            }
            ItEnvironment.sleep(500);
        }
        throw new AssertionError("servers not polled in time: " + env.get("/api/servers").body());
    }

    private static JsonObject server(SimulatedBmc bmc) {
        return Json.serverByBmcIp(Json.array(env.get("/api/servers").body()), bmc.host()).orElseThrow();
    }

    private static JsonArray events(SimulatedBmc bmc, int limit) {
        var response = env.get("/api/server/" + bmc.host() + "/events?limit=" + limit);
        assertEquals(200, response.statusCode(), response.body());
        return Json.array(response.body());
    }
}
