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
    void browsersGetNoBasicChallengeSoTheyNeverKeepCredentials() {
        // a browser keeps Basic credentials it was asked for and sends them with requests any other site starts
        for (String accept : new String[] {"text/html,application/xhtml+xml,*/*;q=0.8", null}) {
            var request = HttpRequest.newBuilder(URI.create(env.baseUrl() + "/api/alert-channels")).GET();
            if (accept != null) {
                request.header("Accept", accept);
            } else {
                request.header("Sec-Fetch-Mode", "navigate");
            }
            var response = env.send(request, false);
            assertEquals(401, response.statusCode());
            assertTrue(response.headers().firstValue("WWW-Authenticate").isEmpty(), response.headers().toString());
            assertTrue(response.body().contains("sign in at /login"), response.body());
        }
        var script = env.send(HttpRequest.newBuilder(URI.create(env.baseUrl() + "/api/alert-channels"))
                .header("Accept", "*/*").GET(), false);
        assertTrue(script.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"), "curl keeps its challenge");
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
        for (String read : new String[] {"/api/servers", "/api/servers/127.0.0.98", "/api/servers/export?format=ini",
                "/api/servers/export?format=json"}) {
            var response = env.getAsAdmin(read);
            assertEquals(200, response.statusCode(), read);
            assertTrue(response.body().contains("127.0.0.98"), read + " shows the server");
            assertFalse(response.body().contains(password), "the BMC password is in " + read);
        }
        env.send(HttpRequest.newBuilder(URI.create(env.baseUrl() + "/api/servers/127.0.0.98")).DELETE(), true);
    }

    @Test
    void adminPagesSendVisitorsToTheLoginPage() {
        var response = env.send(HttpRequest.newBuilder(URI.create(env.baseUrl() + "/settings.xhtml")).GET(), false);
        assertEquals(302, response.statusCode());
        assertTrue(response.headers().firstValue("Location").orElse("").contains("/login?next="), response.headers().toString());
    }

    @Test
    void pagesCarryANonceBasedContentSecurityPolicyAndDataMayRunNothing() {
        for (String page : new String[] {"/", "/login", "/server/" + env.fleet().get(0).host()}) {
            var response = env.get(page);
            String policy = response.headers().firstValue("Content-Security-Policy").orElse("");
            assertTrue(policy.matches(".*script-src 'self' 'nonce-[^']+'.*"), page + ": " + policy);
            assertTrue(policy.contains("frame-ancestors 'none'"), page + ": " + policy);
            assertEquals(1, response.headers().allValues("Content-Security-Policy").size(), page + ": one policy only");
            assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElse(""), page);
            assertEquals("DENY", response.headers().firstValue("X-Frame-Options").orElse(""), page);
        }
        for (String data : new String[] {"/api/servers", "/metrics", "/health", "/api/events/export.csv"}) {
            var response = env.get(data);
            assertEquals("default-src 'none'; frame-ancestors 'none'",
                    response.headers().firstValue("Content-Security-Policy").orElse(""), data);
            assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElse(""), data);
        }
        String first = env.get("/").headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(!first.equals(env.get("/").headers().firstValue("Content-Security-Policy").orElse("")),
                "a nonce is new for every response");
    }

    @Test
    void repeatedFailedSignInsLockTheUserNameForThisClient() {
        // a user name of its own: locking "admin" from 127.0.0.1 would lock out the other tests for 15 minutes
        String user = "throttled-" + System.nanoTime();
        for (int i = 0; i < 5; i++) {
            var wrong = env.send(HttpRequest.newBuilder(URI.create(env.baseUrl() + "/api/servers/export"))
                    .header("Authorization", ItEnvironment.basicAuth(user, "guess-" + i)).GET(), false);
            assertEquals(401, wrong.statusCode(), "attempt " + (i + 1));
        }
        var locked = env.send(HttpRequest.newBuilder(URI.create(env.baseUrl() + "/api/servers/export"))
                .header("Authorization", ItEnvironment.basicAuth(user, "guess-5")).GET(), false);
        assertEquals(429, locked.statusCode(), locked.body());
        assertTrue(Integer.parseInt(locked.headers().firstValue("Retry-After").orElse("0")) > 800, locked.headers().toString());
        assertTrue(locked.body().contains("too many failed sign-ins"), locked.body());

        var form = env.send(HttpRequest.newBuilder(URI.create(env.baseUrl() + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=x&next=%2Fsettings")), false);
        assertEquals(302, form.statusCode());
        assertTrue(form.headers().firstValue("Location").orElse("").contains("locked="), form.headers().toString());
        assertEquals(200, env.getAsAdmin("/api/servers/export").statusCode(), "the administrator is not locked out");
    }

    @Test
    void signingInGivesTheSessionANewIdSoAPlantedOneIsWorthNothing() {
        var before = env.get("/");
        String planted = sessionCookie(before.headers().allValues("Set-Cookie"));
        var signIn = env.send(HttpRequest.newBuilder(URI.create(env.baseUrl() + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", "JSESSIONID=" + planted)
                .POST(HttpRequest.BodyPublishers.ofString("username=" + ItEnvironment.ADMIN_USER + "&password="
                        + ItEnvironment.ADMIN_PASS + "&next=%2F")), false);
        assertEquals(302, signIn.statusCode());
        String renewed = sessionCookie(signIn.headers().allValues("Set-Cookie"));
        assertTrue(!renewed.isEmpty() && !renewed.equals(planted), planted + " -> " + renewed);
        assertTrue(statusWith(renewed).contains("\"is_admin\":true"));
        assertTrue(statusWith(planted).contains("\"is_admin\":false"), "the id known before sign-in must not be admin");
    }

    private String statusWith(String session) {
        return env.send(HttpRequest.newBuilder(URI.create(env.baseUrl() + "/api/auth/status"))
                .header("Cookie", "JSESSIONID=" + session).GET(), false).body();
    }

    private static String sessionCookie(java.util.List<String> setCookies) {
        return setCookies.stream().filter(c -> c.startsWith("JSESSIONID=")).map(c -> c.substring(11, c.indexOf(';')))
                .findFirst().orElse("");
    }

    @Test
    void bmcPasswordsNeverAppearOnAnIpmitoolCommandLine() throws Exception {
        env.post("/api/collect", null, true);
        java.util.Set<String> seen = new java.util.HashSet<>();
        long until = System.nanoTime() + java.time.Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < until && seen.size() < 20) {
            try (var procs = java.nio.file.Files.list(java.nio.file.Path.of("/proc"))) {
                for (var dir : procs.filter(d -> d.getFileName().toString().matches("\\d+")).toList()) {
                    String cmdline = readCmdline(dir);
                    if (cmdline.startsWith("ipmitool ")) {
                        seen.add(cmdline);
                    }
                }
            }
            Thread.sleep(20);
        }
        assertTrue(!seen.isEmpty(), "no ipmitool process seen while the fleet was polled");
        for (String cmdline : seen) {
            assertTrue(!cmdline.contains(" -P ") && !cmdline.contains("secret") && cmdline.contains(" -E"), cmdline);
        }
    }

    private static String readCmdline(java.nio.file.Path procDir) {
        try {
            return new String(java.nio.file.Files.readAllBytes(procDir.resolve("cmdline")), java.nio.charset.StandardCharsets.UTF_8)
                    .replace('\0', ' ').strip();
        } catch (java.io.IOException e) {
            return ""; // the process ended meanwhile
        }
    }
}
