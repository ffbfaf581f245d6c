package com.ipmimonitor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 14: POST /api/servers/add and PUT refuse what the import refuses (no JSON-B coercion: 1.5 is no port,
 * "maybe" no flag, an array no address, an unknown key no field), every stored text has a bounded length (a
 * 10 MB note is refused by add and by import alike), and the database holds the same limits.
 */
class InputLimitsIT {

    private static final String ADDED = "127.0.5.1";
    private static final String IMPORTED = "127.0.5.2";
    private static final String TEN_MB_NOTE = "n".repeat(10 * 1024 * 1024);

    private final ItEnvironment env = ItEnvironment.get();

    @AfterEach
    void removeAdded() {
        for (String ip : List.of(ADDED, IMPORTED, "1.2.3.4")) {
            env.send(HttpRequest.newBuilder(URI.create(env.baseUrl() + "/api/servers/" + ip)).DELETE(), true);
        }
    }

    @Test
    void addRefusesWhatTheImportRefusesAndStoresNothing() {
        int before = serverCount();
        for (var bad : List.of(
                List.of("{\"bmc_ip\":[\"1.2.3.4\"]}", "bmc_ip"),
                List.of("{\"bmc_ip\":\"" + ADDED + "\",\"port\":1.5}", "port"),
                List.of("{\"bmc_ip\":\"" + ADDED + "\",\"use_nvidia_password\":\"maybe\"}", "use_nvidia_password"),
                List.of("{\"bmc_ip\":\"" + ADDED + "\",\"ipmi_user\":\"" + "u".repeat(65) + "\"}", "ipmi_user"),
                List.of("{\"bmc_ip\":\"" + ADDED + "\",\"notes\":\"" + "n".repeat(4001) + "\"}", "notes"),
                List.of("{\"bmc_ip\":\"" + ADDED + "\",\"padding\":\"" + "x".repeat(10 * 1024 * 1024) + "\"}",
                        "unknown key 'padding'"))) {
            assertRefused(() -> env.post("/api/servers/add", bad.get(0), true), bad.get(1), true);
        }
        assertEquals(before, serverCount(), "a refused add stored a server");
        assertEquals(404, env.get("/api/servers/" + ADDED).statusCode());
        assertEquals(404, env.get("/api/servers/1.2.3.4").statusCode());
    }

    @Test
    void putRefusesBadTypesAndLengthsAndChangesNothing() {
        assertEquals(201, env.post("/api/servers/add", "{\"bmc_ip\":\"" + ADDED + "\",\"port\":6230,\"notes\":\"kept\","
                + "\"enabled\":false}", true).statusCode());
        String stored = configOf(ADDED);
        for (var bad : List.of(
                List.of("{\"port\":1.5}", "port"),
                List.of("{\"enabled\":\"maybe\"}", "enabled"),
                List.of("{\"server_name\":[\"x\"]}", "server_name"),
                List.of("{\"notes\":\"" + "n".repeat(4001) + "\"}", "notes"),
                List.of("{\"ipmi_pass\":\"" + "p".repeat(129) + "\"}", "ipmi_pass"),
                List.of("{\"notes\":\"fine\",\"colour\":\"red\"}", "unknown key 'colour'"))) {
            var response = env.send(HttpRequest.newBuilder(URI.create(env.baseUrl() + "/api/servers/" + ADDED))
                    .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(bad.get(0))), true);
            assertNamed(response, bad.get(1));
        }
        assertEquals(stored, configOf(ADDED), "a refused PUT changed the server");
    }

    @Test
    void theOriginalApisKeysAndTheImportsSpellingsAreAccepted() {
        var added = env.post("/api/servers/add", "{\"bmc_ip\":\"" + ADDED + "\",\"port\":\"6230\",\"enabled\":\"no\","
                + "\"ssh_user\":\"root\",\"ssh_key\":\"ssh-ed25519 AAAA\",\"ssh_port\":22,\"notes\":\"" + "n".repeat(4000) + "\"}", true);
        assertEquals(201, added.statusCode(), added.body());
        var server = Json.object(env.get("/api/servers/" + ADDED).body());
        assertFalse(server.getBoolean("enabled"), server.toString());
        assertFalse(added.body().contains("ssh-ed25519"), "ssh_* is not stored: " + added.body());
    }

    @Test
    void aTenMegabyteNoteIsRefusedByTheImportInBothFormats() {
        int before = serverCount();
        String ini = "[imported]\nbmc_ip = " + IMPORTED + "\nnotes = " + TEN_MB_NOTE + "\n";
        String json = "{\"servers\":[{\"bmc_ip\":\"" + IMPORTED + "\",\"notes\":\"" + TEN_MB_NOTE + "\"}]}";
        for (var file : List.of(List.of(ini, "ini"), List.of(json, "json"))) {
            // the import's answer is compat's (issue 15): only its details are relied on here
            assertRefused(() -> env.send(HttpRequest.newBuilder(URI.create(env.baseUrl() + "/api/servers/import?format="
                    + file.get(1))).header("Content-Type", "text/plain; charset=utf-8")
                    .POST(HttpRequest.BodyPublishers.ofString(file.get(0))), true), "notes", false);
        }
        assertRefused(() -> env.post("/api/servers/add", "{\"bmc_ip\":\"" + ADDED + "\",\"notes\":\"" + TEN_MB_NOTE + "\"}",
                true), "notes", true);
        assertEquals(before, serverCount());
    }

    @Test
    void theDatabaseHoldsTheSameLimits() throws Exception {
        assertEquals(201, env.post("/api/servers/add", "{\"bmc_ip\":\"" + ADDED + "\"}", true).statusCode());
        try (var db = env.appDatabase()) {
            for (String column : List.of("notes", "ipmi_user")) {
                var update = db.prepareStatement("update server set " + column + " = ? where bmc_ip = ?");
                update.setString(1, "x".repeat(column.equals("notes") ? 4001 : 65));
                update.setString(2, ADDED);
                var refused = assertThrows(java.sql.SQLException.class, update::executeUpdate, column);
                assertTrue(refused.getMessage().contains("server_" + column + "_length"), refused.getMessage());
            }
        }
    }

    /**
     * Refused naming the field; a body over the whole-request size cap (413, issue 14's memory part) may be refused
     * before it is read, even by closing the connection, and then names nothing.
     */
    private static void assertRefused(java.util.function.Supplier<HttpResponse<String>> send, String field,
                                      boolean errorNames) {
        HttpResponse<String> response;
        try {
            response = send.get();
        } catch (IllegalStateException e) {
            assertTrue(e.getCause() instanceof java.io.IOException, e.toString());
            return;
        }
        if (response.statusCode() == 413) {
            return;
        }
        if (errorNames) {
            assertNamed(response, field);
        } else {
            assertDetailNames(response, field);
        }
    }

    /** 400 whose "error" (all an original-API client reads) and details name the field. */
    private static void assertNamed(HttpResponse<String> response, String field) {
        assertDetailNames(response, field);
        assertTrue(Json.object(response.body()).getString("error").contains(field), response.body());
    }

    /** 400 with a JSON error whose details name the field; the body never repeats the refused value whole. */
    private static void assertDetailNames(HttpResponse<String> response, String field) {
        assertEquals(400, response.statusCode(), field + ": " + abbreviated(response.body()));
        assertTrue(response.body().length() < 2000, "the error repeats the value: " + abbreviated(response.body()));
        assertTrue(Json.object(response.body()).getJsonArray("details").getValuesAs(jakarta.json.JsonString.class).stream()
                .map(s -> s.getString().replaceFirst("^line \\d+: ", ""))
                .anyMatch(d -> d.startsWith(field)), response.body());
    }

    private static String abbreviated(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "…" : body;
    }

    /** What PUT may change, without the poll state that moves on its own. */
    private String configOf(String bmcIp) {
        var server = Json.object(env.get("/api/servers/" + bmcIp).body());
        return List.of("server_name", "port", "enabled", "notes", "has_ipmi_password").stream()
                .map(k -> k + "=" + server.get(k)).toList().toString();
    }

    private int serverCount() {
        return Json.array(env.get("/api/servers").body()).size();
    }
}
