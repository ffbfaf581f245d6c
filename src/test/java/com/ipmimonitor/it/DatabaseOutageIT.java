package com.ipmimonitor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ipmimonitor.database.control.PostgresCluster;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL stopped under a collecting app for a few collector ticks: /health says 503 naming the database, pages and the API
 * answer 503 without internals, and once it is back, collection resumes by itself and what the BMCs logged meanwhile is stored. An app (18186) and a
 * PostgreSQL (55436) of its own, so that the shared environment keeps its database.
 */
class DatabaseOutageIT {

    private static final int APP_PORT = 18186;
    private static final int PG_PORT = 55436;
    private final ItEnvironment env = ItEnvironment.get();
    private final Path pgDir = Path.of(System.getProperty("java.io.tmpdir"), "ipmimon-it-pg-" + PG_PORT);
    private final PostgresCluster postgres = new PostgresCluster(pgDir.resolve("data"), PG_PORT, "ipmimon", "ipmimon");
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void collectionSurvivesTheDatabaseGoingAwayAndLosesNothing() throws Exception {
        postgres.stop(); // a cluster left by an earlier run: start from an empty one
        ItEnvironment.deleteRecursively(pgDir);
        postgres.start("outage_it", "-c fsync=off");
        SimulatedBmc bmc = env.fleet().stream().filter(b -> b.note().equals("normal")).findFirst().orElseThrow();
        SimulatedBmc other = env.bmc("large-sel");
        AppProcess app = start();
        try {
            env.register(app.baseUrl(), List.of(bmc, other));
            await("first polls", () -> body(app, "/api/servers").split("\"last_outcome\":\"OK\"").length == 3, 120);
            int before = entriesOn(bmc);
            await("the SEL stored", () -> stored(app, bmc) == before, 120);

            postgres.stop();
            await("503 naming the database", () -> status(app, "/health") == 503
                    && body(app, "/health").contains("\"name\":\"database\",\"status\":\"DOWN\""), 60);
            assertAnswersWithoutInternals(app, bmc);
            // the BMC logs an event while nothing can be stored: a correctable ECC on CPU1_ECC1
            env.simConsole(bmc, "sel_add 0x20 0x02 0 0 0 0 0x20 0x00 0x04 0x0c 0x50 0x6f 0xa0 0x00 0x07");
            // the collector's timer goes on ticking (every 5 s) with every claim failing; Payara would expunge a timer
            // whose deliveries fail, so three ticks seen while the database is away show it survives
            Set<String> ticksWhileDown = new HashSet<>();
            await("three collector ticks without the database", () -> {
                ticksWhileDown.add(lastTick(app));
                return ticksWhileDown.size() > 3; // the first value seen may be a tick from before the stop
            }, 60);
            assertEquals(503, status(app, "/health/ready"), "still down after three ticks");

            postgres.start("outage_it", "-c fsync=off");
            await("healthy again", () -> status(app, "/health/ready") == 200, 120);
            String tickAtReturn = lastTick(app);
            await("the collector timer ticking after the outage", () -> !lastTick(app).equals(tickAtReturn), 30);
            assertEquals(before + 1, entriesOn(bmc));
            await("the event logged during the outage is stored", () -> stored(app, bmc) == before + 1, 180);
            assertEquals(200, status(app, "/health/live"), "the collector timer survived the outage");
            await("the other server is polled again", () -> body(app, "/api/servers/" + other.host()).contains("\"last_outcome\":\"OK\""), 60);
        } finally {
            app.kill();
            postgres.stop();
            ItEnvironment.deleteRecursively(pgDir);
        }
    }

    /**
     * Issue 14: while the database is away, pages are a plain 503 page and the API a 503 JSON error, neither
     * naming an exception (they showed java.sql.SQLException ... Connection refused, and the API answered 500).
     */
    private void assertAnswersWithoutInternals(AppProcess app, SimulatedBmc bmc) {
        // the dashboard and /api/servers may answer from a reading of the fleet made up to 1 s before the outage
        await("the dashboard's kept reading expired", () -> status(app, "/") == 503
                && status(app, "/api/servers") == 503, 10);
        for (String page : List.of("/", "/server/" + bmc.host(), "/alerts")) {
            HttpResponse<String> answer = get(app, page);
            assertEquals(503, answer.statusCode(), page + ": " + answer.body());
            assertTrue(answer.body().contains("Temporarily unavailable"), page + ": " + answer.body());
            assertNoInternals(page, answer.body());
        }
        for (String api : List.of("/api/servers", "/api/stats", "/api/events", "/api/servers/" + bmc.host())) {
            HttpResponse<String> answer = get(app, api);
            assertEquals(503, answer.statusCode(), api + ": " + answer.body());
            assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), api);
            assertEquals("database unavailable", Json.object(answer.body()).getString("error"), api);
            assertNoInternals(api, answer.body());
        }
    }

    private static void assertNoInternals(String path, String body) {
        for (String internal : List.of("SQLException", "Exception", "Connection refused", "127.0.0.1:" + PG_PORT, "at org.")) {
            assertFalse(body.contains(internal), path + " shows " + internal + ": " + body);
        }
    }

    private long stored(AppProcess app, SimulatedBmc bmc) {
        return Json.array(body(app, "/api/server/" + bmc.host() + "/events?limit=100000")).size();
    }

    private int entriesOn(SimulatedBmc bmc) {
        var m = java.util.regex.Pattern.compile("Entries\\s*:\\s*(\\d+)").matcher(env.ipmitool(bmc, "sel", "info"));
        assertTrue(m.find());
        return Integer.parseInt(m.group(1));
    }

    private AppProcess start() throws java.io.IOException {
        Map<String, String> config = new HashMap<>(env.appEnvironment(env.workDir().resolve("outage-data")));
        config.put("DB_URL", postgres.jdbcUrl("outage_it"));
        // every server falls due while the database is away (three ticks, 15 s), so polls fail and release later
        config.put("POLL_INTERVAL", "10");
        return AppProcess.start(env.workDir().resolve("outage-app"), APP_PORT, config);
    }


    /** The collector timer's last tick, as /health/live reports it. */
    private String lastTick(AppProcess app) {
        return Json.object(body(app, "/health/live")).getJsonArray("checks").stream().map(c -> c.asJsonObject())
                .filter(c -> c.getString("name").equals("collector-timer")).findFirst().orElseThrow()
                .getJsonObject("data").getString("lastTick");
    }

    private int status(AppProcess app, String path) {
        return get(app, path).statusCode();
    }

    private String body(AppProcess app, String path) {
        return get(app, path).body();
    }

    private HttpResponse<String> get(AppProcess app, String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(app.baseUrl() + path)).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void await(String what, BooleanSupplier condition, int seconds) {
        for (int i = 0; i < seconds * 2; i++) {
            if (condition.getAsBoolean()) {
                return;
            }
            ItEnvironment.sleep(500);
        }
        throw new AssertionError(what + ": not within " + seconds + " s");
    }
}
