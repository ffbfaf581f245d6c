package com.ipmimonitor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ipmimonitor.redfish.control.RedfishSim;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 19 end to end: the shared app polls the project's Redfish simulator (src/test/redfishsim, over HTTPS on
 * SIM_NET.19.x with free ports) for servers added through the API with protocol redfish or auto, and shows their
 * events, sensors, power and status through the same endpoints as an IPMI server's. Each test starts its own
 * simulator and removes its server at the end; polls are asked for with POST /api/collect (the next tick, 5 s).
 */
class RedfishCollectionIT {

    private static final ItEnvironment env = ItEnvironment.get();
    private static final int WAIT = 90;

    @ParameterizedTest
    @ValueSource(strings = {"dell", "openbmc"})
    void eventsSensorsPowerAndStatusAppearLikeAnIpmiServersAndOnlyNewEntriesAreStored(String flavour) {
        String host = ItEnvironment.SIM_NET + (flavour.equals("dell") ? ".19.1" : ".19.2");
        try (RedfishSim sim = RedfishSim.start(host, flavour, "--log-entries", "120")) {
            add(host, sim, "redfish", "calvin");
            try {
                awaitOkPolls(host, 1);
                JsonObject server = server(host);
                assertEquals("redfish", server.getString("protocol"), server.toString());
                assertEquals("OK", server.getString("last_outcome"), server.toString());
                assertEquals("ON", server.getString("power_status"), server.toString());
                assertTrue(server.getBoolean("is_reachable"), server.toString());

                int first = events(host).size();
                assertTrue(first >= 120, "the main log's 120 entries at least: " + first);
                assertEquals(first, count("select count(distinct fingerprint) from sel_event e join server s"
                        + " on s.id = e.server_id where s.bmc_ip = '" + host + "'"), "each entry stored once");

                JsonArray sensors = Json.array(env.getAsAdmin("/api/sensors/" + host).body());
                JsonObject cpu = sensors.stream().map(JsonValue::asJsonObject)
                        .filter(s -> s.getString("sensor_name").startsWith("CPU")).findFirst()
                        .orElseThrow(() -> new AssertionError("no CPU temperature in " + sensors));
                assertEquals("degrees C", cpu.getString("unit"), cpu.toString());
                assertTrue(!cpu.isNull("upper_critical"), "thresholds come along: " + cpu);
                assertTrue(sensors.stream().map(JsonValue::asJsonObject)
                        .anyMatch(s -> s.getString("sensor_name").endsWith("Health")), "system health: " + sensors);
                JsonArray power = Json.array(env.getAsAdmin("/api/power/" + host).body());
                assertTrue(power.size() >= 1 && power.getJsonObject(0).getInt("current_watts") > 0, power.toString());
                // the server page names where the watts come from, and shows no IPMI SEL counters for a Redfish BMC
                String page = env.get("/server/" + host).body();
                assertTrue(page.contains(" W (Redfish)"), "power source on the page");
                assertTrue(!page.contains("W (DCMI)") && !page.contains("SEL entries on the BMC"), "no IPMI facts");

                // three entries at run time: exactly three new events, with the entries' severity
                sim.command("inject 3 Critical");
                pollAndWait(host);
                JsonArray after = events(host);
                assertEquals(first + 3, after.size());
                assertEquals(List.of("critical", "critical", "critical"), newest(after, 3));

                // a clear on the BMC keeps the stored history
                sim.command("clear");
                pollAndWait(host);
                int afterClear = events(host).size();
                assertEquals(first + 3 + (flavour.equals("dell") ? 1 : 0), afterClear, "iDRAC logs the clear itself");
                sim.command("inject 2 Warning");
                pollAndWait(host);
                JsonArray later = events(host);
                assertEquals(afterClear + 2, later.size());
                assertEquals(List.of("warning", "warning"), newest(later, 2));

                assertEquals(1, sim.stats().getInt("sessions_created"),
                        "one login for " + okPolls(host) + " polls: " + sim.stats());

                // "archive and clear" archives; ipmitool is not let loose on a Redfish BMC
                AtomicReference<HttpResponse<String>> clear = new AtomicReference<>();
                ItEnvironment.await("clear_sel answered", WAIT, () -> {
                    clear.set(env.post("/api/server/" + host + "/clear_sel", null, true));
                    return clear.get().statusCode() != 409; // a poll under way
                });
                assertEquals(502, clear.get().statusCode(), clear.get().body());
                assertTrue(clear.get().body().contains("Redfish"), clear.get().body());
                assertEquals(later.size(), events(host).size(), "the history stays");
            } finally {
                env.removeServer(host);
            }
        }
    }

    @Test
    void aChangedCertificateStopsCollectionUntilAnAdminAcceptsItAndAWrongPasswordIsAuthFailed() throws Exception {
        String host = ItEnvironment.SIM_NET + ".19.3";
        try (RedfishSim sim = RedfishSim.start(host, "hpe", "--log-entries", "30")) {
            add(host, sim, "redfish", "calvin");
            try {
                awaitOkPolls(host, 1);
                assertEquals(Optional.of(sim.fingerprint()), text("select pinned_sha256 from bmc_certificate c"
                        + " join server s on s.id = c.server_id where s.bmc_ip = '" + host + "'"), "pinned on first use");
                int stored = events(host).size();

                String swapped = sim.command("swap-cert").getString("fingerprint");
                sim.command("inject 2 Critical");
                awaitOutcome(host, "CERTIFICATE_CHANGED");
                assertEquals(Optional.of(swapped), text("select presented_sha256 from bmc_certificate c"
                        + " join server s on s.id = c.server_id where s.bmc_ip = '" + host + "'"));
                int runs = okPolls(host);
                pollAndWaitFor(host, "CERTIFICATE_CHANGED");
                assertEquals(stored, events(host).size(), "no data from a BMC whose certificate changed");
                assertEquals(runs, okPolls(host));

                // an admin accepts through the API: the presented certificate becomes the pinned one, and the
                // server is due at once (its last attempt is forgotten, or a new one began), not a poll interval on
                String lastAttempt = lastAttempt(host).orElseThrow();
                HttpResponse<String> accepted = env.post("/api/servers/" + host + "/certificate/accept", "", true);
                assertEquals(200, accepted.statusCode(), accepted.body());
                assertEquals(swapped, Json.object(accepted.body()).getString("pinned_sha256"));
                assertNotEquals(Optional.of(lastAttempt), lastAttempt(host), "made due by the accept");
                ItEnvironment.await("a poll of " + host + " ending OK after the accept", WAIT,
                        () -> okPolls(host) > runs);
                assertEquals(stored + 2, events(host).size(), "polling resumed where it stopped");

                put(host, "{\"ipmi_pass\":\"not-calvin\"}");
                pollAndWaitFor(host, "AUTH_FAILED");
                assertTrue(!server(host).getString("last_error").contains("not-calvin"));
            } finally {
                env.removeServer(host);
            }
        }
    }

    @Test
    void autoFindsRedfishOnTheSimulatorAndIpmiOnAnIpmiSimAndForgetsWhenTheProtocolChanges() throws IOException {
        String redfishHost = ItEnvironment.SIM_NET + ".19.4";
        SimulatedBmc ipmi = new SimulatedBmc("rfauto-ipmi", ItEnvironment.SIM_NET + ".19.5", 6230, "admin", "secret",
                10, "on", "redfish-auto", 6231);
        Process ipmiSim = env.startOwnSimulator(ipmi, "rfauto-ipmi-sim", 19);
        try (RedfishSim sim = RedfishSim.start(redfishHost, "openbmc", "--log-entries", "20")) {
            add(redfishHost, sim, "auto", "calvin");
            env.register(env.baseUrl(), List.of(ipmi));
            try {
                put(ipmi.host(), "{\"protocol\":\"auto\"}");
                awaitOkPolls(redfishHost, 1);
                assertEquals(Optional.of("redfish"), detected(redfishHost));
                assertTrue(events(redfishHost).size() >= 20);
                pollAndWaitFor(ipmi.host(), "OK");
                ItEnvironment.await("auto's probe of " + ipmi.host(), WAIT, () -> detected(ipmi.host()).isPresent());
                assertEquals(Optional.of("ipmi"), detected(ipmi.host()));
                assertEquals("auto", server(ipmi.host()).getString("protocol"));

                assertTrue(probedAt(redfishHost).isPresent(), "auto's probe is dated");
                put(redfishHost, "{\"protocol\":\"ipmi\"}");
                assertEquals(Optional.empty(), detected(redfishHost), "a changed protocol forgets what auto found");
                assertEquals(Optional.empty(), probedAt(redfishHost), "and when: auto probes again at once");
            } finally {
                env.removeServer(ipmi.host());
                env.removeServer(redfishHost);
            }
        } finally {
            ipmiSim.destroy();
        }
    }

    @Test
    void anInvalidProtocolIsRefusedNamingTheField() {
        HttpResponse<String> refused = env.post("/api/servers/add", "{\"bmc_ip\":\"" + ItEnvironment.SIM_NET
                + ".19.6\",\"protocol\":\"snmp\"}", true);
        assertEquals(400, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("protocol"), refused.body());
        assertTrue(Json.serverByBmcIp(Json.array(env.getAsAdmin("/api/servers").body()), ItEnvironment.SIM_NET
                + ".19.6").isEmpty(), "nothing written");
    }

    private static void add(String host, RedfishSim sim, String protocol, String password) {
        String body = ("{\"bmc_ip\":\"%s\",\"port\":%d,\"server_name\":\"rf-%s\",\"ipmi_user\":\"root\","
                + "\"ipmi_pass\":\"%s\",\"protocol\":\"%s\"}")
                .formatted(host, sim.base().getPort(), host, password, protocol);
        HttpResponse<String> added = env.post("/api/servers/add", body, true);
        assertEquals(201, added.statusCode(), added.body());
    }

    private static void put(String host, String json) {
        HttpResponse<String> changed = env.send(HttpRequest.newBuilder(URI.create(env.baseUrl() + "/api/servers/"
                + host)).header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)), true);
        assertEquals(200, changed.statusCode(), changed.body());
    }

    private static JsonObject server(String host) {
        return Json.serverByBmcIp(Json.array(env.getAsAdmin("/api/servers").body()), host).orElseThrow();
    }

    private static JsonArray events(String host) {
        return Json.array(env.getAsAdmin("/api/server/" + host + "/events?limit=100000").body());
    }

    /** The severities of the n newest events (the list is newest first). */
    private static List<String> newest(JsonArray events, int n) {
        return events.stream().limit(n).map(e -> e.asJsonObject().getString("severity")).toList();
    }

    private static void pollAndWait(String host) {
        pollAndWaitFor(host, "OK");
    }

    /** Asks for a poll and waits until one more poll with this outcome is recorded. */
    private static void pollAndWaitFor(String host, String outcome) {
        int before = polls(host, outcome);
        env.post("/api/collect?bmc_ip=" + host, null, true);
        ItEnvironment.await("a poll of " + host + " ending " + outcome, WAIT, () -> polls(host, outcome) > before);
    }

    private static void awaitOutcome(String host, String outcome) {
        env.post("/api/collect?bmc_ip=" + host, null, true);
        ItEnvironment.await("a poll of " + host + " ending " + outcome, WAIT, () -> polls(host, outcome) > 0);
    }

    private static void awaitOkPolls(String host, int n) {
        ItEnvironment.await(n + " OK polls of " + host, WAIT, () -> okPolls(host) >= n);
    }

    private static int okPolls(String host) {
        return polls(host, "OK");
    }

    private static int polls(String host, String outcome) {
        return count("select count(*) from collection_run r join server s on s.id = r.server_id where s.bmc_ip = '"
                + host + "' and r.outcome = '" + outcome + "'");
    }

    private static Optional<String> lastAttempt(String host) {
        return text("select st.last_attempt_at from server_status st join server s on s.id = st.server_id"
                + " where s.bmc_ip = '" + host + "'");
    }

    private static Optional<String> probedAt(String host) {
        return text("select st.protocol_probed_at from server_status st join server s on s.id = st.server_id"
                + " where s.bmc_ip = '" + host + "'");
    }

    private static Optional<String> detected(String host) {
        return text("select st.protocol_detected from server_status st join server s on s.id = st.server_id"
                + " where s.bmc_ip = '" + host + "'");
    }

    private static int count(String sql) {
        return Integer.parseInt(text(sql).orElse("0"));
    }

    private static Optional<String> text(String sql) {
        try (var db = env.appDatabase(); var q = db.createStatement(); var rs = q.executeQuery(sql)) {
            return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
