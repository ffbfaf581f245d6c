package com.ipmimonitor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ipmimonitor.fleet.control.ServerImport;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ImportExportIT {

    private static final String README_INI = """
            [server-01]
            bmc_ip = 127.0.3.1
            server_ip = 127.0.4.1
            enabled = true
            use_nvidia_password = false
            ipmi_pass = "imported-secret-1"

            [gpu-node-02]
            bmc_ip = 127.0.3.2
            use_nvidia_password = yes
            notes = "rack 2, slot \\"B\\""
            """;

    private final ItEnvironment env = ItEnvironment.get();

    @AfterEach
    void removeImported() {
        for (String ip : List.of("127.0.3.1", "127.0.3.2", "127.0.3.3")) {
            env.send(HttpRequest.newBuilder(URI.create(env.baseUrl() + "/api/servers/" + ip)).DELETE(), true);
        }
    }

    @Test
    void theOriginalReadmeIniImportsAndExportRoundTrips() {
        var response = importText(README_INI, "ini", true);
        assertEquals(200, response.statusCode(), response.body());
        assertEquals(2, Json.object(response.body()).getInt("imported"));
        var servers = Json.array(env.get("/api/servers").body());
        var gpu = Json.serverByBmcIp(servers, "127.0.3.2").orElseThrow();
        assertEquals("gpu-node-02", gpu.getString("server_name"));
        assertTrue(gpu.getBoolean("use_nvidia_password"));
        assertTrue(Json.serverByBmcIp(servers, "127.0.3.1").orElseThrow().getBoolean("has_ipmi_password"));

        for (String format : List.of("ini", "json")) {
            var export = env.getAsAdmin("/api/servers/export?format=" + format);
            assertEquals(200, export.statusCode());
            assertFalse(export.body().contains("imported-secret-1"), "exports never carry passwords");
            var parsed = ServerImport.parse(export.body(), format);
            assertTrue(parsed.valid(), parsed.errors().toString());
            var back = parsed.servers().stream().filter(s -> s.bmcIp().equals("127.0.3.2")).findFirst().orElseThrow();
            assertEquals("rack 2, slot \"B\"", back.notes());
            assertTrue(back.useNvidiaPassword());
            assertEquals(env.fleet().size() + 2, parsed.servers().size());
        }
    }

    @Test
    void oneBadEntryRejectsTheWholeFileWithLineNumbers() {
        int before = Json.array(env.get("/api/servers").body()).size();
        String bad = """
                [ok-one]
                bmc_ip = 127.0.3.3

                [broken]
                bmc_ip = 999.0.0.1
                enabled = perhaps
                """;
        var response = importText(bad, "ini", true);
        assertEquals(400, response.statusCode(), response.body());
        var details = Json.object(response.body()).getJsonArray("details").toString();
        assertTrue(details.contains("line 5") && details.contains("line 6"), details);
        assertEquals(before, Json.array(env.get("/api/servers").body()).size(), "nothing may be written");
    }

    /** As in the original: importing a server that is already monitored updates it, and says so. */
    @Test
    void knownServersAreUpdatedAndCounted() {
        var first = importText("{\"servers\":[{\"bmc_ip\":\"127.0.3.3\",\"server_name\":\"spare\","
                + "\"ipmi_pass\":\"kept-secret\",\"notes\":\"old\"}]}", "auto", true);
        assertEquals(200, first.statusCode(), first.body());
        assertEquals(1, Json.object(first.body()).getInt("added"));
        var again = importText("{\"servers\":[{\"bmc_ip\":\"127.0.3.3\",\"notes\":\"rack 7\"},"
                + "{\"bmc_ip\":\"127.0.3.1\",\"server_name\":\"new-one\"}]}", "auto", true);
        assertEquals(200, again.statusCode(), again.body());
        var answer = Json.object(again.body());
        assertEquals("success", answer.getString("status"));
        assertEquals(1, answer.getInt("added"));
        assertEquals(1, answer.getInt("updated"));
        assertEquals(0, answer.getJsonArray("errors").size());
        assertEquals(2, answer.getInt("imported"));
        var known = Json.object(env.get("/api/servers/127.0.3.3").body());
        assertEquals("rack 7", known.getString("notes"));
        assertEquals("spare", known.getString("server_name"), "a file without a name keeps the stored one");
        assertTrue(known.getBoolean("has_ipmi_password"), "a file without a password keeps the stored one");
        assertEquals("new-one", Json.object(env.get("/api/servers/127.0.3.1").body()).getString("server_name"));
    }

    @Test
    void importAndExportAreForAdminsOnly() {
        assertEquals(401, importText(README_INI, "ini", false).statusCode());
        assertEquals(401, env.get("/api/servers/export?format=json").statusCode());
        assertEquals(400, env.getAsAdmin("/api/servers/export?format=xml").statusCode());
    }

    private HttpResponse<String> importText(String body, String format, boolean asAdmin) {
        return env.send(HttpRequest.newBuilder(URI.create(env.baseUrl() + "/api/servers/import?format=" + format))
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString(body)), asAdmin);
    }
}
