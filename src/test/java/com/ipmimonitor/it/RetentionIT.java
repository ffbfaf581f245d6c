package com.ipmimonitor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ipmimonitor.database.control.PostgresCluster;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Retention against the built jar and a real PostgreSQL: 200,000 polls and SEL events older than
 * their retention are deleted in batches that each commit on their own (seen from outside while the purge runs),
 * sensor and power history go by whole expired days (partitions dropped), recent rows stay, age is the time the monitor stored a row (not the BMC's clock), the event of a
 * firing alert stays and keeps its alert firing, the event of a resolved alert goes while the alert stays, and a
 * poll started during the purge completes and stores its rows. Its own app (18202), PostgreSQL (55452) and one
 * simulated BMC (127.82.x.y), independent of the shared environment.
 */
class RetentionIT {

    private static final int APP_PORT = 18202;
    private static final int PG_PORT = 55452;
    private static final String SIM_NET = "127.82";
    private static final String ADMIN_PASS = "retention-it-secret";
    /** Old collection runs: the batched table whose progress is watched. */
    private static final int OLD_READINGS = 200_000;
    /** Power readings 10 s apart, 40 to 42.3 days old, packed into their hours as the upkeep does. */
    private static final int OLD_POWER_READINGS = 20_000;
    /** 40 sensors x 500 polls 10 minutes apart, all older than 31 days. */
    private static final int OLD_SENSOR_READINGS = 20_000;
    private static final int BATCH = 5000;

    private final Path workDir = Path.of(System.getProperty("it.workDir", "target/it")).toAbsolutePath().resolve("retention");
    private final Path projectDir = Path.of(System.getProperty("it.projectDir", ".")).toAbsolutePath();
    private final Path pgDir = Path.of(System.getProperty("java.io.tmpdir"), "ipmimon-it-pg-" + PG_PORT);
    private final PostgresCluster postgres = new PostgresCluster(pgDir.resolve("data"), PG_PORT, "ipmimon", "ipmimon");
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void oldHistoryIsDeletedInBatchesWhileCollectionGoesOn() throws Exception {
        AppProcess app = null;
        try {
            stopFleet(); // sims or a cluster left by an interrupted run
            postgres.stop();
            ItEnvironment.deleteRecursively(pgDir);
            ItEnvironment.deleteRecursively(workDir);
            Files.createDirectories(pgDir);
            pgDir.toFile().setExecutable(true, false);
            postgres.start("retention_it", "-c fsync=off");
            SimulatedBmc bmc = startFleet();
            app = AppProcess.start(workDir.resolve("app"), APP_PORT, appEnvironment());
            String base = app.baseUrl();

            assertEquals(201, send(base, "/api/servers/add", "POST", true,
                    "{\"bmc_ip\":\"%s\",\"port\":%d,\"server_name\":\"%s\",\"ipmi_user\":\"%s\",\"ipmi_pass\":\"%s\"}"
                            .formatted(bmc.host(), bmc.port(), bmc.name(), bmc.user(), bmc.password())).statusCode());
            ItEnvironment.await("first poll", 120, () -> send(base, "/api/servers/" + bmc.host(), "GET", false, null).body()
                    .contains("\"last_outcome\":\"OK\""));

            try (Connection db = database()) {
                long server = number(db, "select id from server where bmc_ip = '" + bmc.host() + "'");
                Seeded seeded = seed(db, server);
                long collectedEvents = number(db, "select count(*) from sel_event where collected_at > now() - interval '1 hour'");
                assertTrue(collectedEvents > 0, "the BMC's SEL was stored");
                String recentRuns = "select count(*) from collection_run where outcome = 'OK' and started_at > now() - interval '1 hour'";
                long runsBefore = number(db, recentRuns);

                // the purge, in the background; its progress watched from outside through the database
                Timestamp purgeStarted = timestamp(db, "select now()");
                CompletableFuture<HttpResponse<String>> purge = CompletableFuture.supplyAsync(
                        () -> send(base, "/api/retention/run", "POST", true, ""));
                Set<Long> oldSeen = new TreeSet<>();
                ItEnvironment.await("the purge deleting its first batches", 60, () -> {
                    oldSeen.add(oldReadings(db));
                    return oldSeen.stream().anyMatch(n -> n < OLD_READINGS);
                });
                assertEquals(409, send(base, "/api/retention/run", "POST", true, "").statusCode(), "one purge at a time");

                // a poll asked for while the purge runs: it must not wait for the purge
                assertEquals(202, send(base, "/api/collect?bmc_ip=" + bmc.host(), "POST", true, "").statusCode());
                ItEnvironment.await("the poll during the purge", 60, () -> number(db, "select count(*) from collection_run"
                        + " where outcome = 'OK' and started_at > '" + purgeStarted + "'") == 1);
                boolean purgeStillRunning = !purge.isDone();
                while (!purge.isDone()) {
                    oldSeen.add(oldReadings(db));
                    ItEnvironment.sleep(100);
                }
                HttpResponse<String> response = purge.get(5, TimeUnit.SECONDS);
                assertEquals(200, response.statusCode(), response.body());
                JsonObject run = Json.object(response.body());
                System.out.println("retention run: " + run);

                oldSeen.add(oldReadings(db));
                assertDeletedInBatches(run, oldSeen, app);

                // the poll during the purge completed before the purge ended, and stored its readings
                assertTrue(purgeStillRunning, "the purge was still running when the poll had completed");
                assertEquals(runsBefore + 1, number(db, recentRuns));
                assertTrue(number(db, "select count(*) from sensor_reading where collected_at > '" + purgeStarted + "'") > 0,
                        "the poll's readings are stored");

                assertOnlyOldHistoryWent(db, seeded, collectedEvents);

                // the rules have evaluated since (every 5 s): the firing alert was not resolved by the purge. A canary
                // the rules resolve at their next evaluation (an unreachable alert for a server that answers) shows
                // that an evaluation has read the alerts since the purge.
                long canary = number(db, "insert into alert (rule, severity, server_id, fingerprint, summary, state,"
                        + " started_at) values ('BMC_UNREACHABLE', 'CRITICAL', " + seeded.server + ", 'unreachable:"
                        + seeded.server + "', 'canary', 'FIRING', now()) returning id");
                ItEnvironment.await("an evaluation of the rules after the purge", 60,
                        () -> "RESOLVED".equals(text(db, "select state from alert where id = " + canary)));
                assertEquals("FIRING", text(db, "select state from alert where id = " + seeded.firingAlert));

                // nothing old left: a second run deletes nothing, one batch per table
                JsonObject again = Json.object(send(base, "/api/retention/run", "POST", true, "").body());
                for (var t : again.getJsonArray("tables")) {
                    assertEquals(0, t.asJsonObject().getJsonNumber("deleted").longValue(), t.toString());
                    String table = t.asJsonObject().getString("table");
                    boolean partitioned = table.startsWith("sensor_") || table.equals("power_hour");
                    assertEquals(partitioned ? 0 : 1, t.asJsonObject().getInt("batches"), t.toString());
                }
            }

            assertEquals(401, send(base, "/api/retention/run", "POST", false, "").statusCode());
            JsonObject settings = Json.object(send(base, "/api/retention", "GET", false, null).body());
            assertEquals(30, settings.getInt("sensor_retention_days"));
            assertEquals(365, settings.getInt("event_retention_days"));
            assertEquals(BATCH, settings.getInt("batch_size"));
            assertEquals(500, settings.getInt("alert_retention_days"));
            assertEquals(6, settings.getJsonObject("last_run").getJsonArray("tables").size());
            String page = send(base, "/settings", "GET", true, null).body();
            assertTrue(page.contains("Sensor, power and poll history: 30 days. SEL events: 365 days"), "shown on /settings");
            assertTrue(page.contains("Resolved alerts: 500 days after their resolution."), "shown on /settings");
        } finally {
            if (app != null) {
                app.stop();
            }
            stopFleet();
            postgres.stop();
            ItEnvironment.deleteRecursively(pgDir);
        }
    }

    /** Every count seen from outside during the purge is the seeded total less whole batches: each commits alone. */
    private static void assertDeletedInBatches(JsonObject run, Set<Long> oldSeen, AppProcess app) throws IOException {
        System.out.println("old collection runs seen during the purge: " + oldSeen);
        assertTrue(oldSeen.stream().anyMatch(n -> n > 0 && n < OLD_READINGS), "progress seen between batches: " + oldSeen);
        oldSeen.forEach(n -> assertEquals(0, (OLD_READINGS - n) % BATCH, "a partial batch was visible: " + oldSeen));

        JsonObject readings = table(run, "collection_run");
        assertEquals(OLD_READINGS, readings.getJsonNumber("deleted").longValue());
        assertEquals(OLD_READINGS / BATCH + 1, readings.getInt("batches"), "full batches, then one that finds nothing");
        assertTrue(readings.getBoolean("complete"));
        assertEquals(30, readings.getInt("keep_days"));
        // sensor history: whole days, the partitions of the 10 days from 40 to 31 days ago (4 of them with readings)
        JsonObject samples = table(run, "sensor_sample");
        assertEquals(OLD_SENSOR_READINGS, samples.getJsonNumber("deleted").longValue());
        assertTrue(samples.getInt("batches") >= 9, "daily partitions dropped: " + samples);
        assertEquals(30, samples.getInt("keep_days"));
        assertEquals(40, table(run, "sensor_hourly").getJsonNumber("deleted").longValue(), "the old hour's 40 rollups");
        // power history: whole days too (the partitions from 43 to 31 days ago), readings counted from the packed arrays
        JsonObject power = table(run, "power_hour");
        assertEquals(OLD_POWER_READINGS, power.getJsonNumber("deleted").longValue());
        assertTrue(power.getInt("batches") >= 12, "daily partitions dropped: " + power);
        assertEquals(30, power.getInt("keep_days"));
        JsonObject alerts = table(run, "alert");
        assertEquals(500, alerts.getInt("keep_days"));
        assertEquals(1, alerts.getJsonNumber("deleted").longValue(), "the alert resolved 600 days ago");
        JsonObject events = table(run, "sel_event");
        assertEquals(365, events.getInt("keep_days"));
        assertEquals(502, events.getJsonNumber("deleted").longValue(),
                "500 old, the resolved alert's, the one with a current BMC time");
        String log = Files.readString(app.log(), StandardCharsets.UTF_8);
        assertTrue(log.contains("retention: collection_run: deleted 200000 rows older than 30 days in 41 batches"),
                "logged per table");
        assertTrue(log.contains("retention: power_hour: dropped " + power.getInt("batches")
                + " daily partitions (20000 rows) older than 30 days"), "logged per table");
        assertTrue(log.contains("retention: sensor_sample: dropped " + table(run, "sensor_sample").getInt("batches")
                + " daily partitions (20000 rows) older than 30 days"), "logged per table");
        assertTrue(log.contains("retention: sel_event: deleted 502 rows older than 365 days"), "logged per table");
    }

    private static void assertOnlyOldHistoryWent(Connection db, Seeded seeded, long collectedEvents) {
        assertEquals(0, oldReadings(db));
        assertEquals(0, number(db, "select count(*) from sensor_reading where sensor_name like 'Old %'"));
        assertEquals(1000, number(db, "select count(*) from sensor_reading where sensor_name like 'Recent %'"));
        assertEquals(1000, number(db, "select count(*) from sensor_hourly where hour > now() - interval '30 days'"
                + " and hour < now() - interval '1 day'"), "the recent hour's rollups");
        assertEquals(0, number(db, "select count(*) from pg_inherits i join pg_class c on c.oid = i.inhrelid"
                + " where i.inhparent = 'sensor_sample'::regclass and c.relname ~ '_p[0-9]{8}$'"
                + " and to_date(right(c.relname, 8), 'YYYYMMDD') < (now() - interval '31 days')::date"), "no old partition left");
        assertEquals(0, number(db, "select count(*) from power_reading where collected_at < now() - interval '30 days'"));
        assertEquals(10, number(db, "select count(*) from power_reading where collected_at > now() - interval '30 days'"));
        assertEquals(0, number(db, "select count(*) from pg_inherits i join pg_class c on c.oid = i.inhrelid"
                + " where i.inhparent = 'power_hour'::regclass and c.relname ~ '_p[0-9]{8}$'"
                + " and to_date(right(c.relname, 8), 'YYYYMMDD') < (now() - interval '31 days')::date"), "no old partition left");
        assertEquals(0, number(db, "select count(*) from collection_run where started_at < now() - interval '30 days'"));
        assertEquals(0, number(db, "select count(*) from sel_event where description like 'Old event %'"));
        assertEquals(1, count(db, seeded.firingEvent), "the event of a firing alert is kept");
        assertEquals(0, count(db, seeded.resolvedEvent), "the event of a resolved alert goes");
        assertEquals(0, count(db, seeded.bmcClockNow), "age is when the monitor stored it, not the BMC's time");
        assertEquals(1, count(db, seeded.bmcClockYearsOff), "stored yesterday, BMC clock in 2009: kept");
        assertEquals(collectedEvents, number(db, "select count(*) from sel_event where collected_at > now() - interval '1 hour'"));
        assertEquals(0, number(db, "select count(*) from alert where id = " + seeded.ancientAlert), "resolved 600 days ago");
        assertEquals(0, number(db, "select count(*) from alert_delivery where alert_id = " + seeded.ancientAlert),
                "its deliveries go with it");
        assertEquals(1, number(db, "select count(*) from alert_delivery where alert_id = " + seeded.resolvedAlert),
                "the delivery of the alert kept stays");
        assertEquals("RESOLVED|seeded resolved alert|null", text(db, "select state || '|' || summary || '|' ||"
                + " coalesce(cast(sel_event_id as text), 'null') from alert where id = " + seeded.resolvedAlert),
                "alert history stays, only its link to the deleted event is dropped");
    }

    private record Seeded(long server, long firingEvent, long firingAlert, long resolvedEvent, long resolvedAlert, long ancientAlert,
                          long bmcClockNow, long bmcClockYearsOff) {
    }

    /** Rows the way collection stores them, dated in the past. Events are INFO: the alert rules ignore them. */
    private static Seeded seed(Connection db, long server) throws SQLException {
        try (var st = db.createStatement()) {
            // sensor history as a poll stores it (sensor_poll_store), in daily partitions made for the last 40 days
            st.execute("select sensor_history_partitions((now() - interval '43 days')::date, now()::date)");
            st.execute(poll(server, "now() - interval '31 days' - interval '10 minutes'", "Old Temp", 40));
            st.execute("insert into sensor_sample (server_id, collected_at, sensor_ids, vals, labels) select server_id,"
                    + " collected_at - g * interval '10 minutes', sensor_ids, vals, labels from sensor_sample, generate_series(1, "
                    + (OLD_SENSOR_READINGS / 40 - 1) + ") g where server_id = " + server + " and collected_at < now() - interval '31 days'");
            st.execute(poll(server, "now() - interval '29 days'", "Recent Temp", 1000));
            st.execute("select sensor_rollup_hour(date_bin('1 hour', now() - interval '31 days' - interval '10 minutes',"
                    + " timestamptz '2000-01-01 00:00+00')), sensor_rollup_hour(date_bin('1 hour', now() - interval '29 days',"
                    + " timestamptz '2000-01-01 00:00+00'))");
            // power history as polls store it (power_store), packed by hour as the upkeep does
            st.execute("select count(power_store(" + server + ", now() - interval '40 days' - g * interval '10 seconds', 200,"
                    + " null, null, null)) from generate_series(1, " + OLD_POWER_READINGS + ") g");
            st.execute("select count(power_store(" + server + ", now() - g * interval '1 hour', 200, 190, 210, 200))"
                    + " from generate_series(1, 10) g");
            st.execute("select power_pack(date_bin('1 hour', now() - interval '2 minutes', timestamptz '2000-01-01 00:00+00'))");
            st.execute("insert into collection_run (server_id, started_at, duration_ms, outcome) select " + server
                    + ", now() - interval '40 days' - g * interval '5 seconds', 900, 'OK' from generate_series(1, " + OLD_READINGS + ") g");
            st.execute("insert into sel_event (server_id, record_id, record_type, event_time, description, severity,"
                    + " fingerprint, collected_at) select " + server + ", g, 2, now() - interval '400 days', 'Old event ' || g,"
                    + " 'INFO', 'old-' || g, now() - interval '400 days' from generate_series(1, 500) g");
            // a new alert's state is its own (the rules resolve a SEL alert only when its event is deasserted or gone)
            long firingEvent = event(db, server, "firing", "now() - interval '400 days'", "now() - interval '400 days'");
            long resolvedEvent = event(db, server, "resolved", "now() - interval '400 days'", "now() - interval '400 days'");
            long firingAlert = alert(db, server, firingEvent, "FIRING");
            long resolvedAlert = alert(db, server, resolvedEvent, "RESOLVED");
            long ancientAlert = number(db, "insert into alert (rule, severity, server_id, fingerprint, summary, state, started_at,"
                    + " resolved_at) values ('BMC_UNREACHABLE', 'CRITICAL', " + server + ", 'unreachable:" + server + "',"
                    + " 'seeded ancient alert', 'RESOLVED', now() - interval '601 days', now() - interval '600 days') returning id");
            long channel = number(db, "insert into alert_channel (name, type, url_shown, format, enabled) values ('seeded',"
                    + " 'WEBHOOK', 'http://127.0.0.1:9/', 'GENERIC', false) returning id");
            for (long alert : List.of(ancientAlert, resolvedAlert)) {
                st.execute("insert into alert_delivery (alert_id, channel_id, kind, status, attempts, sent_at) values ("
                        + alert + ", " + channel + ", 'FIRE', 'SENT', 1, now() - interval '600 days')");
            }
            long bmcClockNow = event(db, server, "clock-now", "now()", "now() - interval '400 days'");
            long yearsOff = event(db, server, "clock-2009", "timestamptz '2009-01-01 00:00:00+00'", "now() - interval '1 day'");
            st.execute("analyze");
            return new Seeded(server, firingEvent, firingAlert, resolvedEvent, resolvedAlert, ancientAlert, bmcClockNow, yearsOff);
        }
    }

    private static long event(Connection db, long server, String name, String eventTime, String collectedAt) {
        return number(db, "insert into sel_event (server_id, record_id, record_type, event_time, description, severity,"
                + " fingerprint, collected_at) values (" + server + ", 9999, 2, " + eventTime + ", 'Seeded " + name + "',"
                + " 'INFO', 'seeded-" + name + "', " + collectedAt + ") returning id");
    }

    private static long alert(Connection db, long server, long event, String state) {
        return number(db, "insert into alert (rule, severity, server_id, fingerprint, sel_event_id, summary, state,"
                + " started_at, resolved_at) values ('SEL_EVENT', 'CRITICAL', " + server + ", 'sel:" + event + "', " + event
                + ", 'seeded " + state.toLowerCase() + " alert', '" + state + "', now() - interval '400 days', "
                + (state.equals("RESOLVED") ? "now() - interval '399 days'" : "null") + ") returning id");
    }

    private static long oldReadings(Connection db) {
        return number(db, "select count(*) from collection_run where started_at < now() - interval '30 days'");
    }

    /** One poll of n temperature sensors "name 1" ... "name n", as sensor_poll_store takes it. */
    private static String poll(long server, String at, String name, int n) {
        return "select sensor_poll_store(" + server + ", " + at + ", array_agg(('" + name + " ' || g)::varchar),"
                + " array_agg('TEMPERATURE'::varchar), array_agg('degrees C'::varchar), array_agg(40::float8),"
                + " array_agg('ok'::varchar), array_agg(null::varchar),"
                + " array_agg(null::float8), array_agg(null::float8), array_agg(null::float8), array_agg(85::float8),"
                + " array_agg(90::float8), array_agg(95::float8)) from generate_series(1, " + n + ") g";
    }

    private static long count(Connection db, long eventId) {
        return number(db, "select count(*) from sel_event where id = " + eventId);
    }

    private static JsonObject table(JsonObject run, String name) {
        return run.getJsonArray("tables").stream().map(v -> v.asJsonObject()).filter(t -> t.getString("table").equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no " + name + " in " + run));
    }

    private static long number(Connection db, String sql) {
        try (var st = db.createStatement(); var rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private static String text(Connection db, String sql) {
        try (var st = db.createStatement(); var rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private static Timestamp timestamp(Connection db, String sql) throws SQLException {
        try (var st = db.createStatement(); var rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getTimestamp(1);
        }
    }

    private Connection database() throws SQLException {
        Properties login = new Properties();
        login.setProperty("user", "ipmimon");
        login.setProperty("password", "ipmimon");
        return new org.postgresql.Driver().connect(postgres.jdbcUrl("retention_it"), login);
    }

    private Map<String, String> appEnvironment() {
        Map<String, String> env = new HashMap<>(Map.of(
                "DB_URL", postgres.jdbcUrl("retention_it"), "DB_USER", "ipmimon", "DB_PASSWORD", "ipmimon",
                "DATA_DIR", workDir.resolve("app-data").toString(),
                "ADMIN_USER", "admin", "ADMIN_PASS", ADMIN_PASS, "SECRET_KEY", "retention-it-secret-key",
                // only the polls the test asks for, after the first
                "POLL_INTERVAL", "3600", "IPMITOOL_SESSION_TIMEOUT", "1", "IPMITOOL_RETRIES", "1"));
        env.putAll(Map.of("SENSOR_RETENTION_DAYS", "30", "EVENT_RETENTION_DAYS", "365", "ALERT_RETENTION_DAYS", "500",
                "RETENTION_BATCH_SIZE", String.valueOf(BATCH),
                // slow enough that a poll fits in the purge: 40 full batches, 400 ms apart, at least 16 s
                "RETENTION_BATCH_PAUSE_MS", "400"));
        return env;
    }

    private SimulatedBmc startFleet() throws IOException {
        ItEnvironment.run(Map.of("FLEET_DIR", workDir.resolve("fleet").toString(), "SIM_NET", SIM_NET), Duration.ofMinutes(2),
                projectDir.resolve("src/test/bmcsim/fleet.sh").toString(), "start", "1");
        return SimulatedBmc.fromInventory(Files.readString(workDir.resolve("fleet/inventory.tsv"))).stream()
                .filter(b -> b.note().equals("normal")).findFirst().orElseThrow();
    }

    private void stopFleet() {
        if (!Files.exists(workDir.resolve("fleet"))) {
            return;
        }
        try {
            ItEnvironment.run(Map.of("FLEET_DIR", workDir.resolve("fleet").toString()), Duration.ofMinutes(1),
                    projectDir.resolve("src/test/bmcsim/fleet.sh").toString(), "stop");
        } catch (IOException e) {
            System.err.println("stopping the simulated BMC failed: " + e.getMessage());
        }
    }

    private HttpResponse<String> send(String base, String path, String method, boolean asAdmin, String json) {
        var request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(180))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (asAdmin) {
            request.header("Authorization", ItEnvironment.basicAuth("admin", ADMIN_PASS));
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

}
