package com.ipmimonitor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ipmimonitor.database.control.PostgresCluster;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The newcomer's path: no DB_URL at all. The app starts its own PostgreSQL, keeps its data across a
 * restart and stops it when it stops.
 */
@HostLock.Holds("embedded-pg-55432") // so does EmbeddedDatabaseOwnerIT
class EmbeddedDatabaseIT {

    private static final int PORT = 18182;
    private static final int EMBEDDED_PG_PORT = 55432;
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void withoutDbUrlTheAppRunsItsOwnPostgresAndKeepsDataAcrossRestarts() throws Exception {
        assertFalse(listening(EMBEDDED_PG_PORT), "something already listens on 127.0.0.1:55432; stop it first");
        // outside the checkout: under root, PostgreSQL runs as "postgres", which must reach the data directory
        Path dataDir = Path.of(System.getProperty("java.io.tmpdir"), "ipmimon-it-embedded");
        deleteRecursively(dataDir);
        Files.createDirectories(dataDir);
        dataDir.toFile().setExecutable(true, false);
        // SECRET_KEY left at its default on purpose: the app must say so loudly
        Map<String, String> env = Map.of("DATA_DIR", dataDir.toString(), "ADMIN_PASS", "embedded-it",
                "APP_NAME", "Embedded IT");
        Path work = Path.of(System.getProperty("it.workDir", "target/it")).resolve("embedded");

        try {
            startTwice(work, env);
        } finally {
            // whatever happened, leave no PostgreSQL behind for the next run
            new PostgresCluster(dataDir.resolve("postgres"), EMBEDDED_PG_PORT, "ipmimon", "ipmimon").stop();
        }
    }

    private void startTwice(Path work, Map<String, String> env) throws Exception {
        AppProcess first = AppProcess.start(work, PORT, env);
        try {
            assertTrue(listening(EMBEDDED_PG_PORT), "the embedded PostgreSQL is not up");
            // a new installation: the dashboard says what to do next instead of showing an empty table
            var dashboard = http.send(HttpRequest.newBuilder(URI.create(first.baseUrl() + "/")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertTrue(dashboard.body().contains("No servers yet."), dashboard.body());
            var added = http.send(HttpRequest.newBuilder(URI.create(first.baseUrl() + "/api/servers/add"))
                    .header("Authorization", ItEnvironment.basicAuth("admin", "embedded-it"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"bmc_ip\":\"127.91.0.1\",\"server_name\":\"kept\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(201, added.statusCode(), added.body());
            assertTrue(Files.readString(work.resolve("app.log")).contains("SECRET_KEY is the shipped default"));

            // the database goes away under the running app: not ready, and the answer names the failing check
            new PostgresCluster(dataDirOf(env).resolve("postgres"), EMBEDDED_PG_PORT, "ipmimon", "ipmimon").stop();
            var health = http.send(HttpRequest.newBuilder(URI.create(first.baseUrl() + "/health/ready")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(503, health.statusCode(), health.body());
            assertTrue(health.body().contains("\"name\":\"database\",\"status\":\"DOWN\""), health.body());
        } finally {
            first.stop();
        }
        assertFalse(listening(EMBEDDED_PG_PORT), "stopping the app must stop its PostgreSQL");

        AppProcess second = AppProcess.start(work, PORT, env);
        try {
            String servers = second.servers(http);
            assertTrue(servers.contains("\"server_name\":\"kept\""), servers);
        } finally {
            second.stop();
        }
    }

    private static Path dataDirOf(Map<String, String> env) {
        return Path.of(env.get("DATA_DIR"));
    }

    private static boolean listening(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
