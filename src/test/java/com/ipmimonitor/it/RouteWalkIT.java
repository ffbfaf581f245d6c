package com.ipmimonitor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ipmimonitor.it.ApiRoutes.Route;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Walks every JAX-RS route of the built application (found by reflection over its classes, so a new resource
 * is walked without editing this test): anonymous callers get 401 from every admin route and nothing changes;
 * every other route answers them without asking for credentials. Every state-changing route, and the state-changing
 * pages, refuse an admin's request that a browser says another site or another port of this host started (CSRF).
 */
class RouteWalkIT {

    private final ItEnvironment env = ItEnvironment.get();

    @Test
    void anonymousCallersGet401FromEveryAdminRouteAndNothingElseAsksForCredentials() {
        List<Route> routes = ApiRoutes.all();
        assertTrue(routes.stream().filter(Route::admin).count() >= 10, "admin routes found: " + routes);
        assertTrue(routes.stream().filter(r -> !r.admin()).count() >= 10, "public routes found: " + routes);
        long servers = Json.array(env.get("/api/servers").body()).size();
        String someBmc = env.fleet().get(0).host();
        List<String> wrong = new ArrayList<>();
        for (Route route : routes) {
            String path = "/api" + route.path().replaceAll("\\{[^}]+}", someBmc);
            var request = HttpRequest.newBuilder(URI.create(env.baseUrl() + path))
                    .header("Content-Type", "application/json")
                    .method(route.method(), route.method().equals("GET") || route.method().equals("DELETE")
                            ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString("{}"));
            int status = env.send(request, false).statusCode();
            if (route.admin() ? status != 401 : status == 401 || status == 403) {
                wrong.add(route + " -> " + status);
            }
        }
        assertEquals(List.of(), wrong);
        assertEquals(servers, Json.array(env.get("/api/servers").body()).size(), "an anonymous call changed the fleet");
    }

    /** Headers a browser sends with a request another page started: another host, another port, an opaque origin. */
    private List<Map<String, String>> crossSiteHeaders() {
        String otherHost = "http://127.0.0.2:" + ItEnvironment.APP_PORT;
        String otherPort = "http://127.0.0.1:" + (ItEnvironment.APP_PORT + 1);
        return List.of(Map.of("Sec-Fetch-Site", "cross-site", "Origin", otherHost),
                Map.of("Sec-Fetch-Site", "same-site", "Origin", otherPort),
                Map.of("Sec-Fetch-Site", "same-site"),
                Map.of("Origin", otherPort),
                Map.of("Origin", otherHost),
                Map.of("Origin", "null"));
    }

    @Test
    void everyStateChangingRouteRefusesAnAdminsCrossSiteRequestAndChangesNothing() throws Exception {
        List<Route> writes = ApiRoutes.all().stream().filter(r -> !r.method().equals("GET")).toList();
        assertTrue(writes.size() >= 10, "state-changing routes found: " + writes);
        // a BMC with stored events, so that a clear_db_events that went through would show
        SimulatedBmc bmc = env.fleet().stream().filter(b -> b.selEntries() > 0).findFirst().orElseThrow();
        String someBmc = bmc.host();
        for (int i = 0; i < 120 && storedEvents(someBmc) == 0; i++) {
            ItEnvironment.sleep(500);
        }
        int events = storedEvents(someBmc);
        assertTrue(events > 0, "no events stored for " + someBmc);
        String before = settings();
        List<String> wrong = new ArrayList<>();
        // the admin's credentials as a browser sends them: cached Basic credentials, or a form-login session cookie
        for (Map<String, String> credentials : List.of(
                Map.of("Authorization", ItEnvironment.basicAuth(ItEnvironment.ADMIN_USER, ItEnvironment.ADMIN_PASS)),
                Map.of("Cookie", "JSESSIONID=" + signedInSession()))) {
            for (Route route : writes) {
                String path = "/api" + route.path().replaceAll("\\{[^}]+}", someBmc);
                for (Map<String, String> headers : crossSiteHeaders()) {
                    var request = HttpRequest.newBuilder(URI.create(env.baseUrl() + path))
                            .header("Content-Type", "application/json").method(route.method(), body(route, "{}"));
                    credentials.forEach(request::header);
                    expectRefused(route + " " + headers, request, headers, wrong);
                }
                // a form that names no origin (an old browser): a form's body type on the API needs a browser's word
                var form = HttpRequest.newBuilder(URI.create(env.baseUrl() + path))
                        .header("Content-Type", "text/plain").method(route.method(), body(route, "x=1"));
                credentials.forEach(form::header);
                expectRefused(route + " text/plain form", form, Map.of("Accept", "text/html,application/xhtml+xml,*/*;q=0.8"),
                        wrong);
            }
        }
        // the state-changing pages: the sign-in form (a forged sign-in must not sign in) and the JSF forms of a session
        String session = signedInSession();
        for (String page : List.of("/login", "/settings.xhtml", "/settings", "/", "/alerts")) {
            for (Map<String, String> headers : crossSiteHeaders()) {
                var request = HttpRequest.newBuilder(URI.create(env.baseUrl() + page))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("username=" + ItEnvironment.ADMIN_USER + "&password="
                                + ItEnvironment.ADMIN_PASS + "&next=%2F"));
                if (!page.equals("/login")) {
                    request.header("Cookie", "JSESSIONID=" + session);
                }
                expectRefused("POST " + page + " " + headers, request, headers, wrong);
            }
        }
        assertEquals(List.of(), wrong);
        assertEquals(before, settings(), "a refused cross-site request changed the servers or alert channels");
        assertTrue(storedEvents(someBmc) >= events, "a refused cross-site request deleted stored events");
    }

    private void expectRefused(String what, HttpRequest.Builder request, Map<String, String> headers, List<String> wrong) {
        headers.forEach(request::header);
        var response = env.send(request, false);
        boolean jsonError = response.headers().firstValue("Content-Type").orElse("").startsWith("application/json")
                && response.body().contains("\"error\"");
        boolean signedIn = response.headers().allValues("Set-Cookie").stream().anyMatch(c -> c.startsWith("JSESSIONID="));
        if (response.statusCode() != 403 || !jsonError || signedIn) {
            wrong.add(what + " -> " + response.statusCode() + " " + response.body());
        }
    }

    /** Signs in with the login form, as a browser would, and answers the session id. */
    private String signedInSession() {
        var signIn = env.send(HttpRequest.newBuilder(URI.create(env.baseUrl() + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + ItEnvironment.ADMIN_USER + "&password="
                        + ItEnvironment.ADMIN_PASS + "&next=%2F")), false);
        String session = signIn.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .map(c -> c.substring(11, c.indexOf(';'))).findFirst().orElseThrow();
        assertTrue(env.send(HttpRequest.newBuilder(URI.create(env.baseUrl() + "/api/auth/status"))
                .header("Cookie", "JSESSIONID=" + session).GET(), false).body().contains("\"is_admin\":true"));
        return session;
    }

    private static HttpRequest.BodyPublisher body(Route route, String body) {
        return route.takesBody() ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody();
    }

    /** The servers with their settings and the alert channels, as an admin reads them. */
    private String settings() {
        return env.getAsAdmin("/api/servers/export?format=json").body() + "\n" + env.getAsAdmin("/api/alert-channels").body();
    }

    private int storedEvents(String bmc) {
        return Json.array(env.get("/api/server/" + bmc + "/events?limit=100000").body()).size();
    }

    @Test
    void scriptsWithoutBrowserHeadersAndTheAppsOwnOriginKeepWorking() {
        String ini = "[csrf-route-walk]\nbmc_ip = 127.0.0.97\n";
        // curl -u admin:... -H 'Content-Type: text/plain' --data-binary @servers.ini
        var imported = env.send(HttpRequest.newBuilder(URI.create(env.baseUrl() + "/api/servers/import?format=ini"))
                .header("Content-Type", "text/plain").header("Accept", "*/*")
                .POST(HttpRequest.BodyPublishers.ofString(ini)), true);
        try {
            assertEquals(200, imported.statusCode(), imported.body());
        } finally {
            env.removeServer("127.0.0.97");
        }
        // curl -u admin:... -X POST .../api/collect (no body, no content type)
        assertEquals(202, env.send(HttpRequest.newBuilder(URI.create(env.baseUrl() + "/api/sensors/collect"))
                .POST(HttpRequest.BodyPublishers.noBody()), true).statusCode());
        // a browser on the app's own origin
        var sameOrigin = env.send(HttpRequest.newBuilder(URI.create(env.baseUrl() + "/api/sensors/collect"))
                .header("Origin", env.baseUrl()).header("Sec-Fetch-Site", "same-origin")
                .POST(HttpRequest.BodyPublishers.noBody()), true);
        assertEquals(202, sameOrigin.statusCode(), sameOrigin.body());
        var originOnly = env.send(HttpRequest.newBuilder(URI.create(env.baseUrl() + "/api/sensors/collect"))
                .header("Origin", env.baseUrl()).POST(HttpRequest.BodyPublishers.noBody()), true);
        assertEquals(202, originOnly.statusCode(), originOnly.body());
    }

    @Test
    void theRouteListIsComplete() {
        List<Route> routes = ApiRoutes.all();
        for (String expected : List.of("POST /servers/add", "DELETE /servers/{bmcIp}", "POST /clear_all_sel",
                "GET /servers/export", "GET /events", "GET /sensors/{bmcIp}")) {
            assertTrue(routes.stream().anyMatch(r -> r.toString().equals(expected)), expected + " in " + routes);
        }
        assertFalse(routes.stream().anyMatch(r -> !r.method().equals("GET") && !r.admin()),
                "every state-changing route is admin only: " + routes);
    }
}
