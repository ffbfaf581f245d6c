package com.ipmimonitor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ipmimonitor.BadInput;
import com.ipmimonitor.Fuzzing;
import com.ipmimonitor.it.ApiRoutes.Route;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;

/**
 * Fuzzes every JAX-RS route of the running application over HTTP, as an admin, with random path segments, query
 * parameters, bodies and content types: no answer is a 5xx, every refusal is a 4xx with a JSON {"error": …}, and a
 * refused request changes nothing that is stored (servers, alert channels, settings, events, acknowledgements).
 *
 * <p>The app under fuzz is one of its own, with its own database, so a fuzzed "clear every SEL" or "delete" cannot
 * disturb the shared fleet the other ITs rely on. Its ipmitool is a script that answers like a BMC nobody can reach:
 * a fuzzed request may legitimately add a server named "ff" or "null", and polling such a name for real would send
 * DNS queries off this machine.
 */
class ApiFuzzIT {

    private static final int PORT = 18190;
    private static final int TRIES = 700;
    /** Addresses in the IT network nothing listens on: the servers every path template can name. */
    private static final List<String> KNOWN = IntStream.rangeClosed(240, 243)
            .mapToObj(i -> ItEnvironment.SIM_NET + ".0." + i).toList();
    private static final String UNREACHABLE_IPMITOOL = """
            #!/bin/sh
            echo "Get Auth Capabilities error" >&2
            echo "Error issuing Get Channel Authentication Capabilities request" >&2
            echo "Error: Unable to establish IPMI v2 / RMCP+ session" >&2
            exit 1
            """;

    private static AppProcess app;
    private static String databaseUrl;
    private static List<Route> routes;

    @BeforeContainer
    static void start() throws IOException, SQLException {
        ItEnvironment env = ItEnvironment.get();
        Path dir = env.workDir().resolve("fuzz-app");
        Files.createDirectories(dir);
        Path ipmitool = dir.resolve("unreachable-ipmitool");
        Files.writeString(ipmitool, UNREACHABLE_IPMITOOL);
        Files.setPosixFilePermissions(ipmitool, PosixFilePermissions.fromString("rwxr-xr-x"));
        databaseUrl = env.createDatabase("ipmimon_fuzz");
        Map<String, String> config = env.appEnvironment(dir.resolve("data"));
        config.put("DB_URL", databaseUrl);
        config.put("IPMITOOL_PATH", ipmitool.toString());
        app = AppProcess.start(dir, PORT, config);
        routes = ApiRoutes.all();
        restoreKnownServers();
    }

    @AfterContainer
    static void stop() {
        if (app != null) {
            app.stop();
        }
    }

    @Property(tries = TRIES, seed = Fuzzing.SEED)
    void noRequestIsAnswered5xxAndARefusalIsJsonAndChangesNothing(@ForAll("requests") FuzzedRequest request) throws Exception {
        restoreKnownServers();
        String before = storedState();
        HttpResponse<String> response = send(request);
        int status = response.statusCode();
        Statistics.label("answer").collect(request.route() + " " + (status / 100) + "xx");
        // the fuzz must get past the checks as well as into them, or "nothing changed" proves little
        Statistics.label("answer").coverage(coverage -> {
            for (String writes : List.of("POST /servers/add", "PUT /servers/{bmcIp}", "POST /servers/import")) {
                coverage.check(writes + " 2xx").count(n -> n > 0);
                coverage.check(writes + " 4xx").count(n -> n > 0);
            }
        });
        if (status == 502 && talksToAnotherSystem(request.route())) {
            // the BMC or the alert receiver said no (here: nothing answers): a gateway error, reported as JSON
            assertTrue(Json.object(response.body()).size() > 0, request + " -> " + response.body());
            assertEquals(before, storedState(), "502 but stored data changed: " + request);
            return;
        }
        assertTrue(status < 500, request + " -> " + status + " " + response.body());
        if (status == 400 && refusedByTheHttpLayer(request) && response.body().isEmpty()) {
            Statistics.label("refused before the application").collect(true);
            assertEquals(before, storedState(), "refused by the HTTP layer but stored data changed: " + request);
        } else if (status >= 400) {
            String type = response.headers().firstValue("Content-Type").orElse("");
            assertTrue(type.startsWith("application/json"), request + " -> " + status + " as " + type + ": " + response.body());
            JsonObject error = Json.object(response.body());
            assertTrue(error.get("error") instanceof jakarta.json.JsonString, request + " -> " + response.body());
            assertEquals(before, storedState(), "refused with " + status + " but stored data changed: " + request);
        }
    }

    private static boolean talksToAnotherSystem(Route route) {
        return route.path().endsWith("/clear_sel") || route.path().endsWith("/test");
    }

    /**
     * Grizzly, Payara's HTTP layer, refuses a path holding an encoded NUL, backslash or slash with an empty 400
     * before any filter of ours runs; that is a clear refusal too, and nothing of the application is involved.
     */
    private static boolean refusedByTheHttpLayer(FuzzedRequest request) {
        String path = request.pathAndQuery().split("\\?", 2)[0].toUpperCase(java.util.Locale.ROOT);
        return path.contains("%00") || path.contains("%5C") || path.contains("%2F");
    }

    /** One fuzzed call: the route it aims at, the path and query actually sent, the body and its content type. */
    record FuzzedRequest(Route route, String pathAndQuery, String contentType, String body) {
        @Override
        public String toString() {
            return route.method() + " " + pathAndQuery + " [" + contentType + "] "
                    + (body == null ? "" : body.length() > 300 ? body.substring(0, 300) + "…" : body);
        }
    }

    @Provide
    Arbitrary<FuzzedRequest> requests() {
        // writes weigh more: they are where a partial write could hide; the three server writes whose 2xx and 4xx
        // the coverage check demands weigh most, so that more routes (the original's /api/config/*) do not starve them
        return Arbitraries.frequency(routes.stream().map(r -> Tuple.of(weight(r), r)).toList())
                .flatMap(route -> Combinators.combine(
                path(route), query(route), contentType(), body(route))
                .as((path, query, type, body) -> new FuzzedRequest(route, path + query, type, route.takesBody() ? body : null)));
    }

    private static int weight(Route route) {
        String write = route.method() + " " + route.path();
        return List.of("POST /servers/add", "PUT /servers/{bmcIp}", "POST /servers/import").contains(write) ? 6
                : route.takesBody() ? 3 : 1;
    }

    private static Arbitrary<String> path(Route route) {
        List<String> parts = List.of(route.path().split("\\{[^}]+}", -1));
        if (parts.size() == 1) {
            return Arbitraries.just("/api" + route.path());
        }
        return pathValue().list().ofSize(parts.size() - 1).map(values -> {
            StringBuilder path = new StringBuilder("/api").append(parts.get(0));
            for (int i = 0; i < values.size(); i++) {
                path.append(values.get(i)).append(parts.get(i + 1));
            }
            return path.toString();
        });
    }

    /** A path segment: a known server, a plausible id, or anything, percent-encoded as a client would. */
    private static Arbitrary<String> pathValue() {
        return Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.of(KNOWN)),
                Tuple.of(2, Arbitraries.of("0", "1", "2", "-1", "99999999999", "1.5", "a")),
                Tuple.of(3, Arbitraries.of(BadInput.NASTY_TOKENS)),
                Tuple.of(3, BadInput.anyText()))
                .map(ApiFuzzIT::encode)
                .filter(v -> !v.isEmpty() && !v.equals(".") && !v.equals(".."));
    }

    private static Arbitrary<String> query(Route route) {
        List<String> names = new ArrayList<>(route.queryParams());
        names.add("unknown");
        Arbitrary<String> pair = Combinators.combine(Arbitraries.of(names), queryValue())
                .as((name, value) -> encode(name) + "=" + encode(value));
        return pair.list().ofMaxSize(4).map(pairs -> pairs.isEmpty() ? "" : "?" + String.join("&", pairs));
    }

    private static Arbitrary<String> queryValue() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.of("1", "24", "8784", "8785", "0", "-1", "500", "100000", "2147483648", "ini",
                        "json", "auto", "all", "firing", "Critical", "Warning", "Info", "critical", "ecc")),
                Tuple.of(2, Arbitraries.of(KNOWN)),
                Tuple.of(3, Arbitraries.of(BadInput.NASTY_TOKENS)),
                Tuple.of(3, BadInput.anyText()));
    }

    private static Arbitrary<String> contentType() {
        return Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.just("application/json")),
                Tuple.of(1, Arbitraries.of("text/plain", "application/octet-stream", "text/csv", "application/xml",
                        "application/x-www-form-urlencoded", "application/json; charset=nope", "nonsense", "")));
    }

    private static Arbitrary<String> body(Route route) {
        Arbitrary<String> plausible = route.path().startsWith("/alert-channels") ? channelJson()
                : route.path().equals("/servers/import") ? Arbitraries.oneOf(importIni(), serversJson().list().ofMaxSize(4)
                        .map(list -> "[" + String.join(",", list) + "]"))
                : serversJson();
        return Arbitraries.frequencyOf(
                Tuple.of(4, plausible),
                Tuple.of(3, plausible.flatMap(BadInput::mangled)),
                Tuple.of(2, BadInput.anyText()),
                Tuple.of(1, Arbitraries.of("", "{}", "[]", "null", "[ [", "{\"a\":", "[".repeat(5000), "\"x\"")));
    }

    /** A server as the API takes it: mostly complete and plausible (so that some are added), with odd members. */
    private static Arbitrary<String> serversJson() {
        List<String> fields = List.of("bmc_ip", "port", "server_name", "server_ip", "enabled", "use_nvidia_password",
                "ipmi_user", "ipmi_pass", "cipher_suite", "notes");
        Arbitrary<String> address = Arbitraries.oneOf(Arbitraries.of(KNOWN), freshAddress()).map(ApiFuzzIT::quoted);
        Arbitrary<String> complete = Combinators.combine(freshAddress(), Arbitraries.strings().alpha().ofMinLength(1)
                        .ofMaxLength(12), jsonMembers(fields, address).list().ofMaxSize(2))
                .as((ip, name, odd) -> {
                    List<String> members = new ArrayList<>(List.of(quoted("bmc_ip") + ":" + quoted(ip),
                            quoted("server_name") + ":" + quoted(name)));
                    members.addAll(odd);
                    return "{" + String.join(",", members) + "}";
                });
        Arbitrary<String> anyShape = jsonMembers(fields, address).list().ofMaxSize(fields.size() + 1)
                .map(ms -> "{" + String.join(",", ms) + "}");
        return Arbitraries.frequencyOf(Tuple.of(2, complete), Tuple.of(1, anyShape));
    }

    /** Loopback addresses no server has yet (most of the time): nothing listens there. */
    private static Arbitrary<String> freshAddress() {
        return Combinators.combine(Arbitraries.integers().between(1, 3), Arbitraries.integers().between(0, 255))
                .as((a, b) -> ItEnvironment.SIM_NET + "." + a + "." + b);
    }

    private static Arbitrary<String> channelJson() {
        // only loopback targets: the app may deliver to a channel it accepts (port 9: nothing listens)
        return jsonMembers(List.of("name", "type", "url", "format", "authorization", "recipients"),
                Arbitraries.of("\"webhook\"", "\"email\"", "\"generic\"", "\"alertmanager\"",
                        "\"http://127.0.0.1:9/hook\"", "\"ops@example.invalid\"")).list().ofMaxSize(7)
                .map(ms -> "{" + String.join(",", ms) + "}");
    }

    /** One "field": value member, the value plausible, nasty, or of the wrong JSON type. */
    private static Arbitrary<String> jsonMembers(List<String> fields, Arbitrary<String> plausible) {
        Arbitrary<String> value = Arbitraries.frequencyOf(
                Tuple.of(4, plausible),
                Tuple.of(2, Arbitraries.of(BadInput.NASTY_TOKENS).map(ApiFuzzIT::quoted)),
                Tuple.of(2, Arbitraries.of("0", "623", "-1", "65536", "2147483648", "1e309", "1.5", "true", "false",
                        "null", "[]", "{}", "[1]", "{\"a\":1}")),
                Tuple.of(1, Arbitraries.strings().all().ofMaxLength(40).map(ApiFuzzIT::quoted)));
        return Combinators.combine(Arbitraries.of(fields), value).as((k, v) -> quoted(k) + ":" + v);
    }

    private static Arbitrary<String> importIni() {
        return freshAddress().list().ofMinSize(1).ofMaxSize(4).map(hosts -> {
            StringBuilder ini = new StringBuilder("[servers]\n");
            hosts.forEach(h -> ini.append(h).append(" = fuzz-").append(h.replace('.', '-')).append('\n'));
            return ini.toString();
        });
    }

    private static String quoted(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    private static String encode(String text) {
        // a lone surrogate cannot be encoded as UTF-8; clients send '?' for it
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static HttpResponse<String> send(FuzzedRequest request) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(app.baseUrl() + request.pathAndQuery()))
                .method(request.route().method(), request.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(request.body()));
        if (!request.contentType().isEmpty()) {
            builder.header("Content-Type", request.contentType());
        }
        return ItEnvironment.get().send(builder, true);
    }

    /** What a refused request must leave as it was; poll results (status, runs) change on their own and are left out. */
    private static String storedState() throws SQLException {
        try (Connection db = database(); var q = db.createStatement()) {
            var rs = q.executeQuery("select"
                    + " (select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) from (select bmc_ip, bmc_port,"
                    + "   server_name, server_ip, enabled, use_nvidia_password, ipmi_user, ipmi_pass_enc, cipher_suite, notes,"
                    + "   version from server) t)"
                    + " || (select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) from alert_channel t)"
                    + " || (select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) from app_setting t)"
                    + " || (select count(*) from sel_event)"
                    + " || (select count(*) from alert where acknowledged_at is not null)");
            rs.next();
            return rs.getString(1);
        }
    }

    /** A fuzzed delete may succeed; put the servers every path template names back before the next try. */
    private static void restoreKnownServers() throws SQLException {
        List<String> missing = new ArrayList<>(KNOWN);
        try (Connection db = database(); var q = db.prepareStatement("select bmc_ip from server")) {
            var rs = q.executeQuery();
            while (rs.next()) {
                missing.remove(rs.getString(1));
            }
        }
        ItEnvironment.get().register(app.baseUrl(), missing.stream()
                .map(host -> new SimulatedBmc("fuzz-" + host, host, 623, "admin", "fuzz-secret", -1, "on", "silent", -1))
                .toList());
    }

    private static Connection database() throws SQLException {
        Properties login = new Properties();
        login.setProperty("user", "ipmimon");
        login.setProperty("password", "ipmimon");
        return new org.postgresql.Driver().connect(databaseUrl, login);
    }
}
