package com.ipmimonitor.it;

import static com.ipmimonitor.it.UnpolledServer.execute;
import static com.ipmimonitor.it.UnpolledServer.number;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The compact sensor history (V11_2__sensor_history.sql) against the app and its PostgreSQL: readings stored the
 * way PollRecorder stores them (sensor_poll_store, one call a poll) come back through /api/sensors with the same
 * values, states and thresholds; a changed threshold makes a new dimension row; retention drops whole days;
 * rollups equal the raw rows; long history requests read the rollups. A server of its own, disabled (never
 * polled), removed at the end.
 */
class SensorHistoryIT {

    private static final ItEnvironment env = ItEnvironment.get();
    private static final String IP = "127.96.250.18";
    private static long serverId;

    @BeforeAll
    static void server() throws SQLException {
        serverId = UnpolledServer.add(IP, "sensor-history-it");
    }

    @AfterAll
    static void removeServer() throws SQLException {
        execute("delete from sensor_hourly where sensor_id in (select id from sensor where server_id = " + serverId + ")");
        UnpolledServer.remove(serverId);
    }

    /** One poll as SensorReadings.store passes it: name, kind, unit, value, status, state text, six thresholds. */
    private record Reading(String name, String kind, String unit, Double value, String status, String state,
                           Double lnr, Double lc, Double lnc, Double unc, Double uc, Double unr) {
        static Reading temp(String name, double value, double uc) {
            return new Reading(name, "TEMPERATURE", "degrees C", value, "ok", null, null, null, null, 80.0, uc, 95.0);
        }
    }

    private static void store(String at, Reading... readings) throws SQLException {
        try (Connection db = env.appDatabase();
             var call = db.prepareStatement("select sensor_poll_store(?, cast(? as timestamptz), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            call.setLong(1, serverId);
            call.setString(2, at);
            List<java.util.function.Function<Reading, Object>> columns = List.of(Reading::name, Reading::kind,
                    Reading::unit, Reading::value, Reading::status, Reading::state, Reading::lnr, Reading::lc,
                    Reading::lnc, Reading::unc, Reading::uc, Reading::unr);
            for (int c = 0; c < columns.size(); c++) {
                List<Object> values = new ArrayList<>();
                for (Reading r : readings) {
                    values.add(columns.get(c).apply(r));
                }
                call.setArray(c + 3, db.createArrayOf(c == 3 || c >= 6 ? "float8" : "varchar", values.toArray()));
            }
            var rs = call.executeQuery();
            rs.next();
            assertEquals(readings.length, rs.getInt(1), "readings stored");
        }
    }

    private static JsonArray array(String path) {
        var response = env.get(path);
        assertEquals(200, response.statusCode(), path + ": " + response.body());
        return jakarta.json.Json.createReader(new StringReader(response.body())).readArray();
    }

    private static List<JsonObject> named(JsonArray rows, String name) {
        return rows.stream().map(JsonValue::asJsonObject).filter(o -> o.getString("sensor_name").equals(name)).toList();
    }

    private static Double dbl(JsonObject o, String key) {
        return o.isNull(key) ? null : o.getJsonNumber(key).doubleValue();
    }

    @Test
    void readingsComeBackWithTheSameValuesStatesAndThresholds() throws SQLException {
        store(java.time.OffsetDateTime.now().minusSeconds(90).toString(),
                new Reading("12V", "VOLTAGE", "Volts", 12.18, "ok", null, 10.173, 10.299, 10.74, 13.26, 13.386, 13.512),
                new Reading("FAN1", "FAN", "RPM", 400.0, "cr", null, 300.0, 500.0, 700.0, null, null, null),
                Reading.temp("Temp", 31.0, 90.0), Reading.temp("Temp", 33.5, 91.0),
                new Reading("PS1 Status", "DISCRETE", "0x0300", null, null, "Presence detected, Failure detected",
                        null, null, null, null, null, null),
                new Reading("Chassis Intru", "DISCRETE", "0x0000", null, "ok", "", null, null, null, null, null, null));

        for (String path : List.of("/api/sensors/" + IP, "/api/sensors/" + IP + "/history?hours=1")) {
            JsonArray rows = array(path);
            assertEquals(6, rows.stream().map(JsonValue::asJsonObject).filter(o -> List.of("12V", "FAN1", "Temp",
                    "PS1 Status", "Chassis Intru").contains(o.getString("sensor_name"))).count(), path + ": " + rows);
            JsonObject volts = named(rows, "12V").get(0);
            assertEquals(12.18, dbl(volts, "value"), path); // float4 in history, read back as ipmitool printed it
            assertEquals("Volts", volts.getString("unit"));
            assertEquals("voltage", volts.getString("sensor_type"));
            assertEquals("ok", volts.getString("status"));
            assertEquals(10.299, dbl(volts, "lower_critical"));
            assertEquals(13.26, dbl(volts, "upper_warning"));
            assertEquals(13.512, dbl(volts, "upper_non_recoverable"));
            JsonObject fan = named(rows, "FAN1").get(0);
            assertEquals(400.0, dbl(fan, "value"));
            assertEquals("cr", fan.getString("status"));
            assertEquals("critical", fan.getString("condition"));
            assertNull(dbl(fan, "upper_critical"));
            // two sensors of one name stay two sensors, each with its own thresholds
            List<JsonObject> temps = named(rows, "Temp");
            assertEquals(List.of(31.0, 33.5), temps.stream().map(t -> dbl(t, "value")).sorted().toList(), path);
            assertEquals(List.of(90.0, 91.0), temps.stream().map(t -> dbl(t, "upper_critical")).sorted().toList(), path);
            JsonObject ps = named(rows, "PS1 Status").get(0);
            assertEquals("discrete", ps.getString("sensor_type"));
            assertTrue(ps.isNull("value"));
            assertEquals("0x0300", ps.getString("unit"));
            assertEquals("Presence detected, Failure detected", ps.getString("state"));
            assertEquals("critical", ps.getString("condition"));
            JsonObject intrusion = named(rows, "Chassis Intru").get(0);
            assertEquals("", intrusion.getString("state")); // none asserted, not "unknown"
            assertEquals("0x0000", intrusion.getString("unit"));
        }
    }

    @Test
    void aChangedThresholdMakesANewDimensionRowAndOldReadingsKeepTheirs() throws SQLException {
        var now = java.time.OffsetDateTime.now();
        store(now.minusMinutes(30).toString(), Reading.temp("Inlet", 22.0, 40.0));
        store(now.minusMinutes(29).toString(), Reading.temp("Inlet", 23.0, 40.0));
        assertEquals(1, number("select count(*) from sensor where server_id = " + serverId + " and sensor_name = 'Inlet'"));
        store(now.minusMinutes(28).toString(), Reading.temp("Inlet", 24.0, 38.0));

        assertEquals(2, number("select count(*) from sensor where server_id = " + serverId + " and sensor_name = 'Inlet'"));
        assertEquals(38, number("select upper_critical from sensor where server_id = " + serverId
                + " and sensor_name = 'Inlet' and current"));
        List<JsonObject> history = named(array("/api/sensors/" + IP + "/history?hours=1&sensor=Inlet"), "Inlet");
        assertEquals(List.of(22.0, 23.0, 24.0), history.stream().map(h -> dbl(h, "value")).toList());
        assertEquals(List.of(40.0, 40.0, 38.0), history.stream().map(h -> dbl(h, "upper_critical")).toList());
    }

    @Test
    void retentionDropsExpiredDaysAsPartitionsAndKeepsTheRest() throws SQLException {
        execute("select sensor_history_partitions('2001-03-01', '2001-03-03')");
        store("2001-03-01T12:00Z", Reading.temp("Old", 20.0, 90.0));
        store("2001-03-02T12:00Z", Reading.temp("Old", 21.0, 90.0));
        execute("select sensor_rollup_hour('2001-03-01T12:00Z'), sensor_rollup_hour('2001-03-02T12:00Z')");
        assertEquals(1, number("select count(*) from sensor_sample_p20010301 where server_id = " + serverId));

        try (Connection db = env.appDatabase(); var st = db.createStatement();
             var rs = st.executeQuery("select table_name, partitions, rows_dropped from sensor_history_drop('2001-03-02T00:00Z')"
                     + " order by table_name")) {
            assertTrue(rs.next());
            assertEquals("sensor_hourly", rs.getString(1));
            assertEquals(1, rs.getInt(2));
            assertTrue(rs.next());
            assertEquals("sensor_sample", rs.getString(1));
            assertEquals(1, rs.getInt(2));
            assertEquals(1, rs.getLong(3), "readings in the dropped day");
        }
        assertEquals(0, number("select count(*) from pg_class where relname in ('sensor_sample_p20010301', 'sensor_hourly_p20010301')"));
        assertEquals(2, number("select count(*) from pg_class where relname in ('sensor_sample_p20010302', 'sensor_hourly_p20010302')"));
        assertEquals(0, number("select count(*) from sensor_sample where server_id = " + serverId + " and collected_at < '2001-03-02'"));
        assertEquals(1, number("select count(*) from sensor_sample where server_id = " + serverId
                + " and collected_at >= '2001-03-02' and collected_at < '2001-03-03'"));
        assertEquals(1, number("select count(*) from sensor_hourly h join sensor d on d.id = h.sensor_id where d.server_id = "
                + serverId + " and h.hour >= '2001-03-02' and h.hour < '2001-03-03'"));
        execute("select sensor_history_drop('2001-03-04T00:00Z')"); // leave no 2001 partitions behind
    }

    @Test
    void hourlyRollupsEqualMinAvgMaxOfTheRawReadings() throws SQLException {
        var hour = java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).truncatedTo(java.time.temporal.ChronoUnit.HOURS)
                .minusDays(10);
        double[] values = {40.25, 41.5, 47.75, 43.0};
        for (int i = 0; i < values.length; i++) {
            store(hour.plusMinutes(5 + 15L * i).toString(), Reading.temp("CPU Rollup", values[i], 90.0),
                    new Reading("PS Rollup", "DISCRETE", "0x0100", null, null, "Presence detected", null, null,
                            null, null, null, null));
        }
        execute("select sensor_rollup_hour('" + hour + "')");
        try (Connection db = env.appDatabase(); var st = db.createStatement();
             var rs = st.executeQuery("""
                     select h.samples, h.min_value, h.avg_value, h.max_value, raw.n, raw.lo, raw.mean, raw.hi
                       from sensor_hourly h join sensor d on d.id = h.sensor_id
                       cross join (select count(*) n, min(value) lo, avg(value) mean, max(value) hi from sensor_reading
                                    where server_id = %d and sensor_name = 'CPU Rollup' and collected_at >= '%s'
                                      and collected_at < timestamptz '%s' + interval '1 hour') raw
                      where d.server_id = %d and d.sensor_name = 'CPU Rollup' and h.hour = '%s'"""
                     .formatted(serverId, hour, hour, serverId, hour))) {
            assertTrue(rs.next(), "a rollup row for the hour");
            assertEquals(4, rs.getInt(1));
            assertEquals(rs.getInt(5), rs.getInt(1));
            assertEquals(rs.getDouble(6), rs.getDouble(2));
            assertEquals(rs.getDouble(7), rs.getDouble(3), 1e-9);
            assertEquals(rs.getDouble(8), rs.getDouble(4));
            assertEquals(40.25, rs.getDouble(2));
            assertEquals(43.125, rs.getDouble(3), 1e-9);
            assertEquals(47.75, rs.getDouble(4));
        }
        // a discrete sensor has no value to roll up
        assertEquals(0, number("select count(*) from sensor_hourly h join sensor d on d.id = h.sensor_id where d.server_id = "
                + serverId + " and d.sensor_name = 'PS Rollup'"));

        // a 30-day request reads the rollups: one point for the hour, not the four readings
        JsonArray points = array("/api/sensors/" + IP + "/history?hours=720&sensor=CPU%20Rollup&resolution=hour");
        assertEquals(1, points.size(), points.toString());
        JsonObject point = points.getJsonObject(0);
        assertEquals(4, point.getInt("samples"));
        assertEquals(40.25, dbl(point, "min"));
        assertEquals(43.125, dbl(point, "avg"), 1e-9);
        assertEquals(47.75, dbl(point, "max"));
        assertEquals("degrees C", point.getString("unit"));
        assertEquals("temperature", point.getString("sensor_type"));
        assertEquals(hour.toInstant(), java.time.OffsetDateTime.parse(point.getString("hour")).toInstant());
        assertEquals(400, env.get("/api/sensors/" + IP + "/history?hours=720&resolution=hour").statusCode());
        assertEquals(400, env.get("/api/sensors/" + IP + "/history?hours=720&sensor=x&resolution=minute").statusCode());
        assertFalse(array("/api/sensors/" + IP + "/history?hours=720&sensor=CPU%20Rollup&resolution=hour&type=fan")
                .iterator().hasNext());
    }
}
