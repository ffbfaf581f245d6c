package com.ipmimonitor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Clearing the SEL of the whole fleet. It empties every BMC it reaches, so it runs on a fleet and an app of its own
 * (three simulated BMCs beside the shared ones, an app on a free port, a database of its own in the shared
 * cluster): the shared fleet keeps its SELs, whatever order the ITs run in.
 */
class WholeFleetSelClearIT {

    private static final ItEnvironment env = ItEnvironment.get();
    private static final Path workDir = env.workDir().resolve("sel-clear");
    private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static List<SimulatedBmc> fleet;
    private static AppProcess app;

    @BeforeAll
    static void startFleetAndApp() throws IOException {
        stopFleet(); // sims left by an interrupted run
        ItEnvironment.deleteRecursively(workDir);
        // normal, large SEL, wrong password, and the inventory's unreachable address; beside the shared 8 (x = 0)
        ItEnvironment.run(Map.of("FLEET_DIR", workDir.resolve("fleet").toString(), "SIM_NET", ItEnvironment.SIM_NET,
                "SIM_BLOCK", "5"), Duration.ofMinutes(2), env.projectDir().resolve("src/test/bmcsim/fleet.sh").toString(),
                "start", "3");
        fleet = SimulatedBmc.fromInventory(Files.readString(workDir.resolve("fleet/inventory.tsv")));
        Map<String, String> config = new HashMap<>(env.appEnvironment(workDir.resolve("data")));
        config.put("DB_URL", env.createDatabase("sel_clear_it"));
        app = AppProcess.start(workDir.resolve("app"), freePort(), config);
        env.register(app.baseUrl(), fleet);
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.kill();
        }
        stopFleet();
    }

    @Test
    void clearAllArchivesThenClearsEveryReachableBmcAndSkipsTheOthers() {
        SimulatedBmc large = bmc("large-sel");
        ItEnvironment.await("the large SEL stored", 120, () -> events(large) >= large.selEntries());
        int storedBefore = events(large);

        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(app.baseUrl() + "/api/clear_all_sel"))
                .POST(HttpRequest.BodyPublishers.noBody()).header("Authorization",
                        ItEnvironment.basicAuth(ItEnvironment.ADMIN_USER, ItEnvironment.ADMIN_PASS)));
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
        assertTrue(results.get(bmc("normal").host()).getBoolean("cleared"), results.toString());
        JsonObject wrong = results.get(bmc("wrong-password").host());
        assertFalse(wrong.getBoolean("cleared"));
        assertTrue(wrong.getString("message").contains("AUTH_FAILED"), wrong.toString());
        assertFalse(results.get(bmc("unreachable").host()).getBoolean("cleared"));

        assertEquals(storedBefore, events(large), "clearing the BMC must neither lose nor duplicate stored history");
    }

    private static SimulatedBmc bmc(String note) {
        return fleet.stream().filter(b -> b.note().contains(note)).findFirst().orElseThrow();
    }

    private static int events(SimulatedBmc bmc) {
        return Json.array(send(HttpRequest.newBuilder(URI.create(app.baseUrl() + "/api/server/" + bmc.host()
                + "/events?limit=100000"))).body()).size();
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void stopFleet() {
        if (!Files.exists(workDir.resolve("fleet"))) {
            return;
        }
        try {
            ItEnvironment.run(Map.of("FLEET_DIR", workDir.resolve("fleet").toString()), Duration.ofMinutes(1),
                    env.projectDir().resolve("src/test/bmcsim/fleet.sh").toString(), "stop");
        } catch (IOException e) {
            System.err.println("stopping the simulated BMCs failed: " + e.getMessage());
        }
    }
}
