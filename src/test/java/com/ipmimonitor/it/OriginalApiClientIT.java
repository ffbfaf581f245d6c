package com.ipmimonitor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A client of the original Flask IPMI Monitor's API, as its scripts were written: it signs in with the original's
 * JSON login and keeps the session cookie (no HTTP Basic), calls every route of the original with the original's
 * parameters and reads every field the original answered, by name and JSON type (seed-api.md). A field missing or
 * of another type fails here, where a script would silently read null.
 */
class OriginalApiClientIT {

    private static final ItEnvironment env = ItEnvironment.get();
    /** Servers this test adds; never the simulated fleet, whose credentials the other tests rely on. */
    private static final String MINE = "127.0.4.1";
    private static final String BULK = "127.0.4.2";
    private static final String IMPORTED = "127.0.4.3";

    /** The script's HTTP session: cookies kept between calls, redirects not followed (to see them). */
    private static final class Script {
        private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .connectTimeout(Duration.ofSeconds(5)).build();

        HttpResponse<String> call(String method, String path, String contentType, String body) {
            var request = HttpRequest.newBuilder(URI.create(env.baseUrl() + path)).timeout(Duration.ofSeconds(60))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
            if (contentType != null) {
                request.header("Content-Type", contentType);
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

        HttpResponse<String> get(String path) {
            return call("GET", path, null, null);
        }

        HttpResponse<String> json(String method, String path, String json) {
            return call(method, path, "application/json", json);
        }

        JsonObject object(String method, String path, String json) {
            var response = json(method, path, json);
            assertTrue(response.statusCode() / 100 == 2, method + " " + path + " -> " + response.statusCode() + " " + response.body());
            return Json.object(response.body());
        }

        void login() {
            var response = json("POST", "/login", "{\"username\":\"" + ItEnvironment.ADMIN_USER + "\",\"password\":\""
                    + ItEnvironment.ADMIN_PASS + "\"}");
            assertEquals(200, response.statusCode(), response.body());
            JsonObject answer = Json.object(response.body());
            assertEquals("success", answer.getString("status"));
            assertEquals("Logged in", answer.getString("message"));
        }
    }

    private static final Script admin = new Script();

    @BeforeAll
    static void fleetPolledAndSignedIn() {
        ItEnvironment.await("fleet polled", 120, () -> Json.array(env.get("/api/servers").body()).stream()
                .allMatch(s -> !s.asJsonObject().isNull("last_outcome")));
        admin.login();
        var added = admin.json("POST", "/api/servers/add", "{\"bmc_ip\":\"" + MINE + "\",\"server_name\":\"original-client\","
                + "\"server_ip\":\"10.9.0.1\",\"notes\":\"added by a script\",\"ipmi_user\":\"ops\",\"ipmi_pass\":\"p4ss-word\","
                + "\"enabled\":false}");
        assertTrue(added.statusCode() / 100 == 2, added.body());
        JsonObject answer = Json.object(added.body());
        fields(answer, "status:string", "message:string", "id:number");
        assertEquals("success", answer.getString("status"));
    }

    @AfterAll
    static void removeMine() {
        for (String ip : List.of(MINE, BULK, IMPORTED)) {
            admin.call("DELETE", "/api/servers/" + ip, null, null);
        }
    }

    @Test
    void theDashboardReadsOfTheOriginal() {
        JsonArray servers = array(admin.get("/api/servers?hours=24"));
        assertFalse(servers.isEmpty());
        for (JsonValue s : servers) {
            fields(s.asJsonObject(), "bmc_ip:string", "server_name:string", "power_status:string", "last_check:string?",
                    "is_reachable:boolean", "total_events:number", "critical:number", "warning:number", "info:number",
                    "total:number");
            JsonObject o = s.asJsonObject();
            assertEquals(o.getInt("critical") + o.getInt("warning") + o.getInt("info"), o.getInt("total"));
            assertTrue(o.getInt("total_events") >= o.getInt("total"), o.toString());
        }
        JsonObject stats = object(admin.get("/api/stats?hours=24"));
        fields(stats, "total_servers:number", "reachable_servers:number", "total:number", "critical:number",
                "warning:number", "info:number", "hours:number");
        assertEquals(stats.getInt("critical") + stats.getInt("warning") + stats.getInt("info"), stats.getInt("total"));
        for (JsonValue t : array(admin.get("/api/event_types"))) {
            fields(t.asJsonObject(), "sensor_type:string", "severity:string", "count:number");
        }
        JsonObject auth = object(admin.get("/api/auth/status"));
        fields(auth, "is_admin:boolean", "username:string");
        assertTrue(auth.getBoolean("is_admin"), "the JSON login's session cookie signs the script in");
    }

    @Test
    void eventsAsTheOriginalAndIpmitoolPrintThem() {
        SimulatedBmc bmc = env.bmc("large-sel");
        JsonArray fleetEvents = array(admin.get("/api/events?severity=critical&server=" + bmc.host() + "&hours=8784&limit=50"));
        assertEquals(50, fleetEvents.size());
        for (JsonValue e : fleetEvents) {
            fields(e.asJsonObject(), "id:number", "bmc_ip:string", "server_name:string", "sel_id:string",
                    "event_date:string?", "sensor_type:string?", "event_description:string", "severity:string");
            assertEquals("critical", e.asJsonObject().getString("severity"));
        }
        JsonArray events = array(admin.get("/api/server/" + bmc.host() + "/events?limit=500"));
        assertEquals(500, events.size());
        for (JsonValue v : events) {
            JsonObject e = v.asJsonObject();
            fields(e, "id:number", "sel_id:string", "event_date:string?", "sensor_type:string?", "sensor_id:string?",
                    "event_description:string", "severity:string", "raw_entry:string");
            assertTrue(e.getString("sel_id").matches("[0-9a-f]+"), "ipmitool's hex record id: " + e);
        }
        JsonArray all = array(admin.get("/api/server/" + bmc.host() + "/events?limit=100000"));
        JsonObject ecc = all.stream().map(JsonValue::asJsonObject).filter(e -> e.getString("event_description")
                        .startsWith("Correctable ECC") && e.getString("event_description").contains("Asserted [CPU"))
                .findFirst().orElseThrow(() -> new AssertionError("no full ECC line: " + events.get(0)));
        assertTrue(ecc.getString("sensor_id").matches("#0x[0-9a-f]{2}"), ecc.toString());
    }

    @Test
    void sensorsUnderTheOriginalsNames() {
        SimulatedBmc bmc = env.bmc("large-sel");
        JsonObject names = object(admin.get("/api/sensors/" + bmc.host() + "/names"));
        assertEquals(bmc.host(), names.getString("bmc_ip"));
        assertEquals("CPU1_ECC1", names.getJsonObject("sensors").getString("50"));
        JsonArray fans = array(admin.get("/api/sensors/" + bmc.host() + "?hours=1&type=fan"));
        assertFalse(fans.isEmpty());
        for (JsonValue r : fans) {
            fields(r.asJsonObject(), "sensor_name:string", "sensor_type:string", "value:number?", "unit:string?",
                    "status:string?", "lower_critical:number?", "lower_warning:number?", "upper_warning:number?",
                    "upper_critical:number?", "collected_at:string");
            assertEquals("fan", r.asJsonObject().getString("sensor_type"));
        }
        JsonObject fan1 = fans.stream().map(JsonValue::asJsonObject).filter(f -> f.getString("sensor_name").equals("FAN1"))
                .findFirst().orElseThrow();
        assertEquals(700.0, fan1.getJsonNumber("lower_warning").doubleValue());
        assertEquals(500.0, fan1.getJsonNumber("lower_critical").doubleValue());
        JsonArray history = array(admin.get("/api/sensors/" + bmc.host() + "/history?hours=24&sensor=FAN1&type=fan"));
        assertFalse(history.isEmpty());
        history.forEach(r -> fields(r.asJsonObject(), "sensor_name:string", "sensor_type:string", "value:number?",
                "unit:string?", "status:string?", "collected_at:string"));
        assertTrue(array(admin.get("/api/sensors/" + bmc.host() + "?type=temperature")).stream()
                .allMatch(r -> r.asJsonObject().getString("sensor_type").equals("temperature")));
        // ipmi_sim has no DCMI: an empty list, as the original answered for such a BMC
        assertEquals(0, array(admin.get("/api/power/" + bmc.host() + "?hours=24")).size());
    }

    @Test
    void serverManagementAsTheSettingsPageScriptedIt() {
        JsonObject one = object(admin.get("/api/servers/" + MINE));
        fields(one, "id:number", "bmc_ip:string", "server_name:string", "server_ip:string?", "enabled:boolean",
                "use_nvidia_password:boolean", "notes:string?", "is_default:boolean");
        assertFalse(one.getBoolean("is_default"));
        JsonObject managed = array(admin.get("/api/servers/managed")).stream().map(JsonValue::asJsonObject)
                .filter(s -> s.getString("bmc_ip").equals(MINE)).findFirst().orElseThrow();
        fields(managed, "id:number", "bmc_ip:string", "server_name:string", "server_ip:string?", "enabled:boolean",
                "use_nvidia_password:boolean", "notes:string?", "created_at:string", "updated_at:string");
        assertEquals(one.getInt("id"), managed.getInt("id"));

        JsonObject put = admin.object("PUT", "/api/servers/" + MINE, "{\"notes\":\"rack 4\"}");
        fields(put, "status:string", "message:string");
        assertEquals("rack 4", object(admin.get("/api/servers/" + MINE)).getString("notes"));

        var exists = admin.json("POST", "/api/servers/add", "{\"bmc_ip\":\"" + MINE + "\",\"server_name\":\"again\"}");
        assertEquals(409, exists.statusCode());
        fields(Json.object(exists.body()), "error:string");
        var badIp = admin.json("POST", "/api/servers/add", "{\"bmc_ip\":\"300.1.1.1\",\"server_name\":\"x\"}");
        assertEquals(400, badIp.statusCode());
        fields(Json.object(badIp.body()), "error:string");
        var notJson = admin.json("POST", "/api/servers/add", "bmc_ip=1.2.3.4");
        assertEquals(400, notJson.statusCode(), notJson.body());
        fields(Json.object(notJson.body()), "error:string");
        var unknown = admin.get("/api/servers/127.0.4.250");
        assertEquals(404, unknown.statusCode());
        fields(Json.object(unknown.body()), "error:string");

        JsonObject cleared = admin.object("POST", "/api/server/" + MINE + "/clear_db_events", null);
        fields(cleared, "status:string", "message:string");

        JsonArray exported = array(admin.get("/api/servers/export?format=json"));
        exported.forEach(s -> fields(s.asJsonObject(), "bmc_ip:string", "server_name:string", "server_ip:string?",
                "enabled:boolean", "use_nvidia_password:boolean", "notes:string?"));
        assertFalse(exported.toString().contains("p4ss-word"));
        var ini = admin.get("/api/servers/export?format=ini");
        assertEquals(200, ini.statusCode());
        assertTrue(ini.body().contains(MINE), ini.body());
    }

    @Test
    void anImportUpdatesKnownServersAndAddsNewOnes() {
        JsonObject answer = admin.object("POST", "/api/servers/import", "{\"servers\":[{\"bmc_ip\":\"" + MINE
                + "\",\"server_name\":\"renamed-by-import\",\"notes\":\"imported\"},{\"bmc_ip\":\"" + IMPORTED
                + "\",\"server_name\":\"new-by-import\",\"enabled\":false}]}");
        fields(answer, "status:string", "added:number", "updated:number", "errors:array");
        assertEquals("success", answer.getString("status"));
        assertEquals(1, answer.getInt("added"));
        assertEquals(1, answer.getInt("updated"));
        JsonObject known = object(admin.get("/api/servers/" + MINE));
        assertEquals("renamed-by-import", known.getString("server_name"));
        assertEquals("imported", known.getString("notes"));
        assertEquals("new-by-import", object(admin.get("/api/servers/" + IMPORTED)).getString("server_name"));

        var noDefaults = admin.json("POST", "/api/servers/init-from-defaults", null);
        assertEquals(400, noDefaults.statusCode(), noDefaults.body());
        assertTrue(Json.object(noDefaults.body()).getString("error").contains("no built-in server list"));
        JsonObject seeded = admin.object("POST", "/api/servers/init-from-defaults", "{\"servers\":[{\"bmc_ip\":\""
                + IMPORTED + "\",\"server_name\":\"new-by-import\",\"enabled\":false}]}");
        fields(seeded, "status:string", "added:number");
    }

    @Test
    void credentialSettingsAreForAdminsAndNeverShowAPassword() {
        Script visitor = new Script();
        for (String path : List.of("/api/config/servers", "/api/config/server/" + MINE)) {
            var refused = visitor.get(path);
            assertEquals(401, refused.statusCode(), path);
            fields(Json.object(refused.body()), "error:string");
        }
        JsonArray all = array(admin.get("/api/config/servers"));
        all.forEach(c -> fields(c.asJsonObject(), "bmc_ip:string", "server_name:string", "server_ip:string?",
                "ipmi_user:string?", "has_ipmi_pass:boolean", "ssh_user:string?", "has_ssh_key:boolean",
                "ssh_port:number", "updated_at:string"));
        JsonObject mine = object(admin.get("/api/config/server/" + MINE));
        fields(mine, "bmc_ip:string", "server_name:string", "server_ip:string?", "ipmi_user:string?",
                "has_ipmi_pass:boolean", "ssh_user:string?", "has_ssh_key:boolean", "ssh_port:number");
        assertEquals("ops", mine.getString("ipmi_user"));
        assertTrue(mine.getBoolean("has_ipmi_pass"));
        assertEquals(404, admin.get("/api/config/server/127.0.4.250").statusCode());

        for (String method : List.of("POST", "PUT")) {
            JsonObject saved = admin.object(method, "/api/config/server/" + MINE, "{\"ipmi_user\":\"ops-" + method
                    + "\",\"ipmi_pass\":\"\",\"ssh_user\":\"root\",\"ssh_key\":\"-----BEGIN KEY-----\",\"ssh_port\":2222,"
                    + "\"server_ip\":\"10.9.0.2\"}");
            fields(saved, "status:string", "message:string");
        }
        mine = object(admin.get("/api/config/server/" + MINE));
        assertEquals("ops-PUT", mine.getString("ipmi_user"));
        assertEquals("10.9.0.2", mine.getString("server_ip"));
        assertTrue(mine.getBoolean("has_ipmi_pass"), "an empty password field keeps the stored password");
        assertTrue(mine.isNull("ssh_user") && !mine.getBoolean("has_ssh_key"), "ssh settings are ignored: " + mine);

        admin.object("POST", "/api/servers/add", "{\"bmc_ip\":\"" + BULK + "\",\"server_name\":\"bulk\",\"enabled\":false}");
        JsonObject bulk = admin.object("POST", "/api/config/bulk", "{\"ipmi_user\":\"fleet-user\",\"ipmi_pass\":\"fleet-pass\","
                + "\"servers\":[\"" + MINE + "\",\"" + BULK + "\"]}");
        fields(bulk, "status:string", "updated:number");
        assertEquals(2, bulk.getInt("updated"));
        assertEquals("fleet-user", object(admin.get("/api/config/server/" + BULK)).getString("ipmi_user"));
        var unknownInBulk = admin.json("POST", "/api/config/bulk", "{\"ipmi_user\":\"x\",\"servers\":[\"" + BULK
                + "\",\"127.0.4.250\"]}");
        assertEquals(404, unknownInBulk.statusCode(), unknownInBulk.body());
        assertEquals("fleet-user", object(admin.get("/api/config/server/" + BULK)).getString("ipmi_user"),
                "all or nothing");
        String everything = admin.get("/api/config/servers").body() + admin.get("/api/servers/" + MINE).body();
        assertFalse(everything.contains("fleet-pass") || everything.contains("p4ss-word"), everything);
    }

    @Test
    void collectionAndSelActionsAnswerAsTheOriginal() {
        assertEquals("Collection started", admin.object("POST", "/api/collect", null).getString("status"));
        SimulatedBmc normal = env.bmc("normal");
        assertEquals("Collection started for " + normal.host(),
                admin.object("POST", "/api/collect?bmc_ip=" + normal.host(), null).getString("status"));
        assertEquals("Sensor collection started", admin.object("POST", "/api/sensors/collect", null).getString("status"));

        SimulatedBmc unreachable = env.bmc("unreachable");
        var clear = admin.json("POST", "/api/server/" + unreachable.host() + "/clear_sel", null);
        for (int i = 0; i < 60 && clear.statusCode() == 409; i++) { // a scheduled poll holds the lease: try again
            ItEnvironment.sleep(500);
            clear = admin.json("POST", "/api/server/" + unreachable.host() + "/clear_sel", null);
        }
        assertTrue(clear.statusCode() >= 500, clear.body());
        JsonObject failed = Json.object(clear.body());
        fields(failed, "status:string", "message:string");
        assertEquals("error", failed.getString("status"));
        // the polls asked for above are under way: let them end, so later tests find no poll holding a BMC
        ItEnvironment.await("the fleet polled after /api/collect", 120, OriginalApiClientIT::noPollDueOrRunning);
    }

    @Test
    void healthCarriesLastCollectionAndTimestamp() {
        String health = env.get("/health").body();
        JsonObject database = Json.object(health).getJsonArray("checks").stream().map(JsonValue::asJsonObject)
                .filter(c -> c.getString("name").equals("database")).findFirst().orElseThrow();
        fields(database.getJsonObject("data"), "timestamp:string", "last_collection:string");
    }

    @Test
    void scriptedLoginIsRefusedWithTheOriginalsErrorAndLogoutEndsTheSession() {
        Script script = new Script();
        var wrong = script.json("POST", "/login", "{\"username\":\"" + ItEnvironment.ADMIN_USER + "\",\"password\":\"nope\"}");
        assertEquals(401, wrong.statusCode(), wrong.body());
        assertEquals("Invalid credentials", Json.object(wrong.body()).getString("error"));
        var anonymous = script.json("POST", "/api/collect", null);
        assertEquals(401, anonymous.statusCode());
        fields(Json.object(anonymous.body()), "error:string");

        script.login();
        assertTrue(object(script.get("/api/auth/status")).getBoolean("is_admin"));
        var logout = script.get("/logout");
        assertEquals(302, logout.statusCode(), logout.body());
        assertTrue(logout.headers().firstValue("Location").orElse("").matches("(http://[^/]+)?/"), logout.headers().toString());
        assertFalse(object(script.get("/api/auth/status")).getBoolean("is_admin"));
        assertEquals(401, script.json("POST", "/api/collect", null).statusCode());

        script.login();
        assertEquals(302, script.call("POST", "/logout", null, null).statusCode());
        assertFalse(object(script.get("/api/auth/status")).getBoolean("is_admin"));
    }

    private static boolean noPollDueOrRunning() {
        try (var db = env.appDatabase(); var q = db.createStatement(); var rs = q.executeQuery("""
                select count(*) from server_status st join server s on s.id = st.server_id
                 where s.enabled and (st.last_attempt_at is null or st.lease_owner is not null)""")) {
            return rs.next() && rs.getInt(1) == 0;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonArray array(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response.uri() + " " + response.body());
        return Json.array(response.body());
    }

    private static JsonObject object(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response.uri() + " " + response.body());
        return Json.object(response.body());
    }

    /** Each "name:type" (string, number, boolean, array, object; "?" = may be null) is there with that type. */
    private static void fields(JsonObject o, String... specs) {
        List<String> wrong = new ArrayList<>();
        for (String spec : specs) {
            String name = spec.substring(0, spec.indexOf(':'));
            String type = spec.substring(spec.indexOf(':') + 1);
            boolean nullable = type.endsWith("?");
            JsonValue value = o.get(name);
            if (value == null) {
                wrong.add(name + " missing");
            } else if (value.getValueType() == JsonValue.ValueType.NULL) {
                if (!nullable) {
                    wrong.add(name + " is null");
                }
            } else if (!typeOf(value).equals(type.replace("?", ""))) {
                wrong.add(name + " is " + typeOf(value) + ", not " + type);
            }
        }
        assertEquals(List.of(), wrong, o.toString());
    }

    private static String typeOf(JsonValue value) {
        return switch (value.getValueType()) {
            case STRING -> "string";
            case NUMBER -> "number";
            case TRUE, FALSE -> "boolean";
            case ARRAY -> "array";
            case OBJECT -> "object";
            case NULL -> "null";
        };
    }
}
