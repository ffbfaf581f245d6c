package com.ipmimonitor.it;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Every JAX-RS route of the built application, found by reflection over target/classes, so that a new resource
 * is walked and fuzzed without editing the tests that use this.
 */
final class ApiRoutes {

    /** One route: verb, path below /api with {templates}, whether only admins may call it, its query parameters. */
    record Route(String method, String path, boolean admin, List<String> queryParams) {

        boolean takesBody() {
            return method.equals("POST") || method.equals("PUT") || method.equals("PATCH");
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private ApiRoutes() {
    }

    static List<Route> all() {
        java.nio.file.Path classes = java.nio.file.Path.of(System.getProperty("it.projectDir", ".")).resolve("target/classes");
        List<Route> routes = new ArrayList<>();
        try (Stream<java.nio.file.Path> files = Files.walk(classes)) {
            for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".class") && !f.toString().contains("$")).toList()) {
                String name = classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type = Class.forName(name, false, ApiRoutes.class.getClassLoader());
                if (type.isAnnotationPresent(Path.class)) {
                    routes.addAll(routesOf(type));
                }
            }
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalStateException("cannot list the routes in " + classes, e);
        }
        return routes;
    }

    private static List<Route> routesOf(Class<?> type) {
        List<Route> routes = new ArrayList<>();
        for (Method m : type.getMethods()) {
            String verb = m.isAnnotationPresent(GET.class) ? "GET" : m.isAnnotationPresent(POST.class) ? "POST"
                    : m.isAnnotationPresent(PUT.class) ? "PUT" : m.isAnnotationPresent(PATCH.class) ? "PATCH"
                    : m.isAnnotationPresent(DELETE.class) ? "DELETE" : null;
            if (verb == null) {
                continue;
            }
            String path = join(type.getAnnotation(Path.class).value(), m.isAnnotationPresent(Path.class) ? m.getAnnotation(Path.class).value() : "");
            RolesAllowed roles = m.isAnnotationPresent(RolesAllowed.class) ? m.getAnnotation(RolesAllowed.class) : type.getAnnotation(RolesAllowed.class);
            List<String> query = Stream.of(m.getParameters()).filter(p -> p.isAnnotationPresent(QueryParam.class))
                    .map(Parameter::getAnnotations).map(a -> Stream.of(a).filter(QueryParam.class::isInstance)
                            .map(q -> ((QueryParam) q).value()).findFirst().orElseThrow()).toList();
            routes.add(new Route(verb, path, roles != null && List.of(roles.value()).contains("admin"), query));
        }
        return routes;
    }

    private static String join(String a, String b) {
        String path = ("/" + a + "/" + b).replaceAll("/+", "/");
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
