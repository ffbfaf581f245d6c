package com.ipmimonitor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ipmimonitor.database.control.PostgresCluster;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Two instances on one host, each with a DATA_DIR of its own and no DB_URL (issue 14 part 4): the second must not
 * join the first one's embedded PostgreSQL (it did, and showed and polled the other fleet). It fails its deployment
 * with a message naming DATA_DIR and DB_URL, and the first one's fleet stays as it was. And the first one, killed
 * (its PostgreSQL lives on) and started again, knows that PostgreSQL as its own by its postmaster.pid, uses it and
 * stops it at the end. Uses the embedded default port 55432: run under the fixed-port lock (common notes).
 */
@HostLock.Holds("embedded-pg-55432") // so does EmbeddedDatabaseIT
class EmbeddedDatabaseOwnerIT {

    private static final int EMBEDDED_PG_PORT = 55432;
    private final HttpClient http = HttpClient.newHttpClient();
    private final Path work = Path.of(System.getProperty("it.workDir", "target/it")).resolve("embedded-owner");

    @Test
    void aSecondInstanceDoesNotJoinTheFirstOnesEmbeddedDatabase() throws Exception {
        assertFalse(listening(EMBEDDED_PG_PORT), "something already listens on 127.0.0.1:55432; stop it first");
        Path dataA = dataDir("ipmimon-it-owner-a");
        Path dataB = dataDir("ipmimon-it-owner-b");
        try {
            AppProcess first = AppProcess.start(work.resolve("a"), freePort(), env(dataA));
            try {
                assertEquals(201, add(first, "127.91.1.1", "fleet-of-a").statusCode());
                AppProcess second = AppProcess.launch(work.resolve("b"), freePort(), env(dataB));
                try {
                    String log = awaitDeployment(second);
                    assertTrue(log.contains("DATA_DIR=" + dataB), "names DATA_DIR: " + log);
                    assertTrue(log.contains("set DB_URL"), "names DB_URL");
                    assertNotEquals(200, status(second, "/health/ready"));
                    assertFalse(Files.exists(dataB.resolve("postgres/postmaster.pid")), "no PostgreSQL of its own left running");
                } finally {
                    second.stop();
                }
                assertEquals(1, count(first.servers(http), "\"bmc_ip\""), "the first fleet, alone");
            } finally {
                first.kill(); // SIGKILL: its PostgreSQL stays up
            }
            assertTrue(listening(EMBEDDED_PG_PORT), "the killed app's PostgreSQL lives on");

            AppProcess again = AppProcess.start(work.resolve("a-again"), freePort(), env(dataA));
            try {
                assertTrue(again.servers(http).contains("fleet-of-a"), "its own database again");
                assertTrue(Files.readString(again.log()).contains("already runs"), "recognised as its own");
            } finally {
                again.stop();
            }
            assertFalse(listening(EMBEDDED_PG_PORT), "stopping the app stops the PostgreSQL it took back");
        } finally {
            // whatever happened, leave no PostgreSQL behind
            new PostgresCluster(dataA.resolve("postgres"), EMBEDDED_PG_PORT, "ipmimon", "ipmimon").stop();
            new PostgresCluster(dataB.resolve("postgres"), EMBEDDED_PG_PORT, "ipmimon", "ipmimon").stop();
        }
    }

    private static Map<String, String> env(Path dataDir) {
        return Map.of("DATA_DIR", dataDir.toString(), "ADMIN_PASS", "owner-it", "SECRET_KEY", "owner-it-secret-key",
                "POLL_INTERVAL", "3600");
    }

    /** Outside the checkout: under root, PostgreSQL runs as "postgres", which must reach the data directory. */
    private static Path dataDir(String name) throws IOException {
        Path dir = Path.of(System.getProperty("java.io.tmpdir"), name);
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Files.createDirectories(dir);
        dir.toFile().setExecutable(true, false);
        return dir;
    }

    private static String awaitDeployment(AppProcess app) throws IOException {
        String log = "";
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (!log.matches("(?s).*Payara Micro .* ready in .*") && System.nanoTime() < deadline) {
            ItEnvironment.sleep(500);
            log = Files.readString(app.log());
        }
        return log;
    }

    private HttpResponse<String> add(AppProcess app, String bmcIp, String name) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(app.baseUrl() + "/api/servers/add"))
                .header("Authorization", ItEnvironment.basicAuth("admin", "owner-it"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"bmc_ip\":\"" + bmcIp + "\",\"server_name\":\"" + name + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private int status(AppProcess app, String path) throws Exception {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(app.baseUrl() + path)).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        }
    }

    private static int count(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static boolean listening(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
