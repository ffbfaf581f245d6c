package com.ipmimonitor.it;

import static com.ipmimonitor.it.UnpolledServer.execute;
import static com.ipmimonitor.it.UnpolledServer.number;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The compact power history (V12_41__power_history.sql) against the app and its PostgreSQL: readings stored the
 * way PollRecorder stores them (power_store) answer GET /api/power/{ip} in the shape of the original
 * ({current_watts, min_watts, max_watts, avg_watts, collected_at}), oldest first, and the same answer once their
 * hours are packed into one row per server and hour (power_pack), a late reading included; retention drops whole
 * days. A server of its own, disabled (never polled), removed at the end.
 */
class PowerHistoryIT {

    private static final ItEnvironment env = ItEnvironment.get();
    private static final String IP = "127.96.250.19";
    private static long serverId;

    @BeforeAll
    static void server() throws SQLException {
        serverId = UnpolledServer.add(IP, "power-history-it");
    }

    @AfterAll
    static void removeServer() throws SQLException {
        UnpolledServer.remove(serverId);
    }

    private static void store(OffsetDateTime at, int current, Integer min, Integer max, Integer avg) throws SQLException {
        try (Connection db = env.appDatabase();
             var call = db.prepareStatement("select power_store(?, cast(? as timestamptz), ?, ?, ?, ?)")) {
            call.setLong(1, serverId);
            call.setString(2, at.toString());
            call.setInt(3, current);
            call.setObject(4, min, java.sql.Types.INTEGER);
            call.setObject(5, max, java.sql.Types.INTEGER);
            call.setObject(6, avg, java.sql.Types.INTEGER);
            call.executeQuery().close();
        }
    }

    private static JsonArray power(int hours) {
        var response = env.get("/api/power/" + IP + "?hours=" + hours);
        assertEquals(200, response.statusCode(), response.body());
        return jakarta.json.Json.createReader(new StringReader(response.body())).readArray();
    }

    /** Packs what the upkeep would pack now, and every hour before this one. */
    private static long packClosedHours() throws SQLException {
        return number("select power_pack(date_bin('1 hour', now(), timestamptz '2000-01-01 00:00+00'))");
    }

    @Test
    void readingsAnswerInTheOriginalShapeBeforeAndAfterTheirHoursArePacked() throws SQLException {
        // three hours back, so that the second reading (65 min later) is more than an hour old at any minute of this
        // hour: two hours back failed hours=1 when the test ran in the first 5 minutes of an hour
        OffsetDateTime hourAgo = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.HOURS).minusHours(3);
        OffsetDateTime first = hourAgo.plusMinutes(5).plusNanos(123_456_789); // stored to the millisecond
        store(first, 310, 250, 420, 305);
        store(hourAgo.plusMinutes(65), 315, null, null, null); // a BMC that reports the current draw only
        store(OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(30), 320, 260, 430, 312);

        JsonArray before = power(4);
        assertEquals(3, before.size(), before.toString());
        JsonObject o = before.getJsonObject(0);
        assertEquals(java.util.Set.of("current_watts", "min_watts", "max_watts", "avg_watts", "collected_at"), o.keySet());
        assertEquals(310, o.getInt("current_watts"));
        assertEquals(250, o.getInt("min_watts"));
        assertEquals(420, o.getInt("max_watts"));
        assertEquals(305, o.getInt("avg_watts"));
        assertEquals(first.truncatedTo(ChronoUnit.MILLIS).toInstant(), OffsetDateTime.parse(o.getString("collected_at")).toInstant());
        assertEquals(JsonValue.ValueType.NULL, before.getJsonObject(1).get("min_watts").getValueType(), before.toString());
        assertEquals(List.of(310, 315, 320), before.stream().map(v -> v.asJsonObject().getInt("current_watts")).toList());

        assertTrue(packClosedHours() >= 2, "the two readings of the closed hours packed");
        assertEquals(2, number("select sum(cardinality(millis)) from power_hour where server_id = " + serverId));
        assertEquals(1, number("select count(*) from power_recent where server_id = " + serverId), "the open hour's reading");
        assertEquals(before, power(4), "the same answer from the packed hours");

        // a poll stored late, dated in an hour already packed: in its place in the answer, and packed next time
        store(hourAgo.plusMinutes(6), 311, 251, 421, 306);
        packClosedHours();
        assertEquals(1, number("select count(*) from power_hour where server_id = " + serverId + " and cardinality(millis) = 2"),
                "the late reading added to its hour's row");
        JsonArray after = power(4);
        assertEquals(List.of(310, 311, 315, 320), after.stream().map(v -> v.asJsonObject().getInt("current_watts")).toList());
        assertEquals(List.of(320), power(1).stream().map(v -> v.asJsonObject().getInt("current_watts")).toList(),
                "hours=1: only the last hour's reading");

        // the newest reading is the server's latest (the server page, /metrics)
        assertEquals(320, number("select current_watts from power_latest where server_id = " + serverId));
    }

    @Test
    void retentionDropsExpiredDaysAsPartitionsAndKeepsTheRest() throws SQLException {
        execute("select sensor_history_partitions('2001-03-01', '2001-03-03')");
        store(OffsetDateTime.parse("2001-03-01T12:00:00Z"), 200, null, null, null);
        store(OffsetDateTime.parse("2001-03-01T12:01:00Z"), 201, null, null, null);
        store(OffsetDateTime.parse("2001-03-02T12:00:00Z"), 202, null, null, null);
        packClosedHours();
        assertEquals(1, number("select count(*) from power_hour_p20010301 where server_id = " + serverId));

        try (Connection db = env.appDatabase(); var st = db.createStatement();
             var rs = st.executeQuery("select table_name, partitions, rows_dropped from power_history_drop('2001-03-02T00:00Z')")) {
            assertTrue(rs.next());
            assertEquals("power_hour", rs.getString(1));
            assertEquals(1, rs.getInt(2));
            assertEquals(2, rs.getLong(3), "readings in the dropped day");
        }
        assertEquals(0, number("select count(*) from pg_class where relname = 'power_hour_p20010301'"));
        assertEquals(1, number("select count(*) from power_reading where server_id = " + serverId
                + " and collected_at >= '2001-03-02' and collected_at < '2001-03-03'"));
        execute("select power_history_drop('2001-03-04T00:00Z')"); // leave no 2001 partitions behind
    }
}
