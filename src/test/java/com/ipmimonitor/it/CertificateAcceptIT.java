package com.ipmimonitor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 19: a Redfish BMC's changed certificate (the pin row written by SQL, as collection writes it) opens the
 * bmc_certificate_changed alert; POST /api/servers/{bmc_ip}/certificate/accept trusts it and the alert resolves.
 * The server is 127.0.0.61, where nothing listens.
 */
class CertificateAcceptIT {

    private static final String BMC = "127.0.0.61";
    private static final String PINNED = "a1".repeat(32);
    private static final String PRESENTED = "b2".repeat(32);
    private final ItEnvironment env = ItEnvironment.get();

    @AfterEach
    void forgetServer() {
        env.send(HttpRequest.newBuilder(URI.create(env.baseUrl() + "/api/servers/" + BMC)).DELETE(), true);
    }

    @Test
    void aChangedCertificateAlertsUntilAnAdminAcceptsIt() throws Exception {
        assertEquals(201, env.post("/api/servers/add", "{\"bmc_ip\":\"" + BMC + "\",\"server_name\":\"ilo-61\"}", true)
                .statusCode());
        JsonObject none = Json.object(env.get("/api/servers/" + BMC + "/certificate").body());
        assertTrue(none.isNull("pinned_sha256"));
        assertFalse(none.getBoolean("pending"));
        var nothingPending = env.post("/api/servers/" + BMC + "/certificate/accept", "", true);
        assertEquals(409, nothingPending.statusCode(), nothingPending.body());
        assertTrue(Json.object(nothingPending.body()).getString("error").contains("no changed certificate"));

        sql("insert into bmc_certificate (server_id, pinned_sha256, pinned_at, presented_sha256, presented_at)"
                + " select id, '" + PINNED + "', now() - interval '1 day', '" + PRESENTED + "', now()"
                + " from server where bmc_ip = '" + BMC + "'");
        JsonObject pending = Json.object(env.get("/api/servers/" + BMC + "/certificate").body());
        assertEquals(PINNED, pending.getString("pinned_sha256"));
        assertEquals(PRESENTED, pending.getString("presented_sha256"));
        assertTrue(pending.getBoolean("pending"));
        JsonObject alert = awaitAlert("firing");
        assertEquals("critical", alert.getString("severity"));
        assertEquals("IpmiBmcCertificateChanged", alert.getString("alertname"));
        assertTrue(alert.getString("description").contains(PRESENTED + " instead of the trusted " + PINNED),
                alert.getString("description"));

        // nobody signed in, or another site's page: refused, nothing changes
        assertEquals(401, env.post("/api/servers/" + BMC + "/certificate/accept", "", false).statusCode());
        var crossSite = env.send(HttpRequest.newBuilder(URI.create(env.baseUrl() + "/api/servers/" + BMC
                + "/certificate/accept")).header("Origin", "https://evil.example").POST(HttpRequest.BodyPublishers.noBody()),
                true);
        assertEquals(403, crossSite.statusCode(), crossSite.body());
        assertTrue(Json.object(env.get("/api/servers/" + BMC + "/certificate").body()).getBoolean("pending"));
        var unknown = env.post("/api/servers/127.0.0.60/certificate/accept", "", true);
        assertEquals(404, unknown.statusCode());
        assertTrue(Json.object(unknown.body()).getString("error").contains("no server with bmc_ip"));

        var accepted = env.post("/api/servers/" + BMC + "/certificate/accept", "", true);
        assertEquals(200, accepted.statusCode(), accepted.body());
        JsonObject after = Json.object(accepted.body());
        assertEquals(PRESENTED, after.getString("pinned_sha256"));
        assertTrue(after.isNull("presented_sha256"));
        assertFalse(after.getBoolean("pending"));
        assertEquals(alert.getInt("id"), awaitAlert("resolved").getInt("id"));
        assertEquals(409, env.post("/api/servers/" + BMC + "/certificate/accept", "", true).statusCode(),
                "accepted once; nothing is pending any more");
    }

    private JsonObject awaitAlert(String state) {
        JsonObject[] found = new JsonObject[1];
        ItEnvironment.await("a " + state + " bmc_certificate_changed alert of " + BMC, 60, () -> {
            found[0] = certificateAlerts().stream().filter(a -> a.getString("state").equals(state)).findFirst().orElse(null);
            return found[0] != null;
        });
        return found[0];
    }

    private List<JsonObject> certificateAlerts() {
        return Json.array(env.get("/api/alerts?limit=1000").body()).stream().map(v -> v.asJsonObject())
                .filter(a -> a.getString("rule").equals("bmc_certificate_changed") && a.getString("bmc_ip").equals(BMC))
                .toList();
    }

    private void sql(String statement) throws Exception {
        try (var db = env.appDatabase(); var s = db.createStatement()) {
            s.executeUpdate(statement);
        }
    }
}
