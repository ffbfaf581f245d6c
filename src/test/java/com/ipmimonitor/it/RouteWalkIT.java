package com.ipmimonitor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ipmimonitor.it.ApiRoutes.Route;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Walks every JAX-RS route of the built application (found by reflection over its classes, so a new resource
 * is walked without editing this test): anonymous callers get 401 from every admin route and nothing changes;
 * every other route answers them without asking for credentials.
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
