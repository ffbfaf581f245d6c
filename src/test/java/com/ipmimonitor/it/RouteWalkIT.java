package com.ipmimonitor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Walks every JAX-RS route of the built application (found by reflection over its classes, so a new resource
 * is walked without editing this test): anonymous callers get 401 from every admin route and nothing changes;
 * every other route answers them without asking for credentials.
 */
class RouteWalkIT {

    private final ItEnvironment env = ItEnvironment.get();

    record Route(String method, String path, boolean admin) {
    }

    @Test
    void anonymousCallersGet401FromEveryAdminRouteAndNothingElseAsksForCredentials() throws Exception {
        List<Route> routes = routes();
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
    void theRouteListIsComplete() throws Exception {
        List<Route> routes = routes();
        for (String expected : List.of("POST /servers/add", "DELETE /servers/{bmcIp}", "POST /clear_all_sel",
                "GET /servers/export", "GET /events", "GET /sensors/{bmcIp}")) {
            assertTrue(routes.stream().anyMatch(r -> (r.method() + " " + r.path()).equals(expected)), expected + " in " + routes);
        }
        assertFalse(routes.stream().anyMatch(r -> !r.method().equals("GET") && !r.admin()),
                "every state-changing route is admin only: " + routes);
    }

    private List<Route> routes() throws IOException, ClassNotFoundException {
        java.nio.file.Path classes = java.nio.file.Path.of(System.getProperty("it.projectDir", ".")).resolve("target/classes");
        List<Route> routes = new ArrayList<>();
        try (Stream<java.nio.file.Path> files = Files.walk(classes)) {
            for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".class") && !f.toString().contains("$")).toList()) {
                String name = classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type = Class.forName(name, false, getClass().getClassLoader());
                if (type.isAnnotationPresent(Path.class)) {
                    routes.addAll(routesOf(type));
                }
            }
        }
        return routes;
    }

    private static List<Route> routesOf(Class<?> type) {
        List<Route> routes = new ArrayList<>();
        for (Method m : type.getMethods()) {
            String verb = m.isAnnotationPresent(GET.class) ? "GET" : m.isAnnotationPresent(POST.class) ? "POST"
                    : m.isAnnotationPresent(PUT.class) ? "PUT" : m.isAnnotationPresent(DELETE.class) ? "DELETE" : null;
            if (verb == null) {
                continue;
            }
            String path = join(type.getAnnotation(Path.class).value(), m.isAnnotationPresent(Path.class) ? m.getAnnotation(Path.class).value() : "");
            RolesAllowed roles = m.isAnnotationPresent(RolesAllowed.class) ? m.getAnnotation(RolesAllowed.class) : type.getAnnotation(RolesAllowed.class);
            routes.add(new Route(verb, path, roles != null && List.of(roles.value()).contains("admin")));
        }
        return routes;
    }

    private static String join(String a, String b) {
        String path = ("/" + a + "/" + b).replaceAll("/+", "/");
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
