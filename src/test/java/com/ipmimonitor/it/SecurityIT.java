package com.ipmimonitor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;

class SecurityIT {

    private final ItEnvironment env = ItEnvironment.get();

    @Test
    void anonymousCallersAreNotAdmin() {
        var status = Json.object(env.get("/api/auth/status").body());
        assertFalse(status.getBoolean("is_admin"));
        assertTrue(status.isNull("username"));
    }

    @Test
    void basicAuthMakesTheAdmin() {
        var status = Json.object(env.getAsAdmin("/api/auth/status").body());
        assertTrue(status.getBoolean("is_admin"));
        assertEquals(ItEnvironment.ADMIN_USER, status.getString("username"));
    }

    @Test
    void adminEndpointsAnswer401WithAChallengeAndWriteNothing() {
        int before = Json.array(env.get("/api/servers").body()).size();
        var response = env.post("/api/servers/add", "{\"bmc_ip\":\"127.0.0.99\"}", false);
        assertEquals(401, response.statusCode());
        assertTrue(response.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"));
        assertTrue(response.body().contains("\"error\""), response.body());
        assertEquals(401, env.post("/api/collect", null, false).statusCode());
        assertEquals(before, Json.array(env.get("/api/servers").body()).size());
    }

    @Test
    void wrongPasswordIsRejected() {
        var response = env.send(HttpRequest.newBuilder(URI.create(env.baseUrl() + "/api/collect"))
                .header("Authorization", ItEnvironment.basicAuth(ItEnvironment.ADMIN_USER, "wrong"))
                .POST(HttpRequest.BodyPublishers.noBody()), false);
        assertEquals(401, response.statusCode());
    }

    @Test
    void invalidServerIsA400WithDetailsAndNothingIsWritten() {
        int before = Json.array(env.get("/api/servers").body()).size();
        var response = env.post("/api/servers/add", "{\"bmc_ip\":\"999.1.1.1\",\"port\":70000}", true);
        assertEquals(400, response.statusCode(), response.body());
        var error = Json.object(response.body());
        assertEquals(2, error.getJsonArray("details").size(), response.body());
        assertEquals(before, Json.array(env.get("/api/servers").body()).size());
    }

    @Test
    void duplicateServerIsAConflict() {
        var existing = env.fleet().get(0);
        var response = env.post("/api/servers/add", "{\"bmc_ip\":\"" + existing.host() + "\"}", true);
        assertEquals(409, response.statusCode(), response.body());
    }

    @Test
    void credentialsAreNeverReturned() {
        var body = env.get("/api/servers").body();
        for (var bmc : env.fleet()) {
            assertFalse(body.contains("\"" + bmc.password() + "\""), "a password leaked: " + body);
        }
        assertFalse(body.contains("ipmi_pass\""), body);
    }

    @Test
    void bmcPasswordsAreEncryptedAtRestAndNeverLoggedOrReturned() throws Exception {
        String password = "Pw-Never-Logged-42#$";
        var added = env.post("/api/servers/add", "{\"bmc_ip\":\"127.0.0.98\",\"ipmi_user\":\"ops\",\"ipmi_pass\":\""
                + password.replace("\\", "\\\\") + "\"}", true);
        assertEquals(201, added.statusCode(), added.body());
        assertFalse(added.body().contains(password));
        assertEquals(202, env.post("/api/collect?bmc_ip=127.0.0.98", null, true).statusCode());
        for (int i = 0; i < 60 && Json.serverByBmcIp(Json.array(env.get("/api/servers").body()), "127.0.0.98")
                .orElseThrow().isNull("last_outcome"); i++) {
            ItEnvironment.sleep(500);
        }
        try (var db = env.appDatabase(); var q = db.prepareStatement("select ipmi_pass_enc from server where bmc_ip = ?")) {
            q.setString(1, "127.0.0.98");
            var rs = q.executeQuery();
            assertTrue(rs.next());
            String stored = rs.getString(1);
            assertTrue(stored.startsWith("v1:"), stored);
            assertFalse(stored.contains(password));
        }
        assertFalse(java.nio.file.Files.readString(env.workDir().resolve("app.log")).contains(password),
                "a BMC password reached the log");
        assertFalse(env.get("/api/servers").body().contains(password));
        env.send(HttpRequest.newBuilder(URI.create(env.baseUrl() + "/api/servers/127.0.0.98")).DELETE(), true);
    }

    @Test
    void adminPagesSendVisitorsToTheLoginPage() {
        var response = env.send(HttpRequest.newBuilder(URI.create(env.baseUrl() + "/settings.xhtml")).GET(), false);
        assertEquals(302, response.statusCode());
        assertTrue(response.headers().firstValue("Location").orElse("").contains("/login?next="), response.headers().toString());
    }
}
