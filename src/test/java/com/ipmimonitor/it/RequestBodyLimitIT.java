package com.ipmimonitor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** No request makes the server hold more than its body cap: 1 MiB, 4 MiB for the imports; 413 with JSON beyond. */
class RequestBodyLimitIT {

    private static final int MIB = 1024 * 1024;

    private final ItEnvironment env = ItEnvironment.get();
    // a client of its own, HTTP/1.1 as curl speaks it (the shared one may sit on an HTTP/2 connection after a flood)
    private final java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder()
            .version(java.net.http.HttpClient.Version.HTTP_1_1).connectTimeout(java.time.Duration.ofSeconds(5)).build();

    @Test
    void aDeclaredLengthOverTheCapIsRefusedWith413() {
        var response = send(HttpRequest.newBuilder(URI.create(env.baseUrl() + "/api/servers/add"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(notes(2 * MIB))), true);
        assertTooLarge(response, 1048576);
        var anonymous = send(HttpRequest.newBuilder(URI.create(env.baseUrl() + "/api/servers/add"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(notes(2 * MIB))), false);
        assertTrue(anonymous.statusCode() == 401 || anonymous.statusCode() == 413, anonymous.statusCode() + " " + anonymous.body());
        assertEquals(404, env.get("/api/servers/10.9.9.9").statusCode(), "nothing was added");
    }

    @Test
    void aChunkedBodyIsReadOnlyUpToTheCap() {
        var response = send(HttpRequest.newBuilder(URI.create(env.baseUrl() + "/api/servers/add"))
                .header("Content-Type", "application/json").POST(chunked(notes(2 * MIB))), true);
        assertTooLarge(response, 1048576);
        // a small chunked body still arrives whole
        var small = send(HttpRequest.newBuilder(URI.create(env.baseUrl() + "/api/servers/import?format=json"))
                .header("Content-Type", "application/json").POST(chunked("[]")), true);
        assertNotEquals(413, small.statusCode(), small.body());
        assertNotEquals(500, small.statusCode(), small.body());
    }

    @Test
    void theImportMayBeLargerButNotUnbounded() {
        var large = send(HttpRequest.newBuilder(URI.create(env.baseUrl() + "/api/servers/import?format=ini"))
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString(comment(3 * MIB))), true);
        assertNotEquals(413, large.statusCode(), "a 3 MiB import is within its cap: " + large.body());
        var tooLarge = send(HttpRequest.newBuilder(URI.create(env.baseUrl() + "/api/servers/import?format=ini"))
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString(comment(5 * MIB))), true);
        assertTooLarge(tooLarge, 4194304);
    }

    @Test
    void pagesRefuseAChunkedBodyWith411() {
        var response = send(HttpRequest.newBuilder(URI.create(env.baseUrl() + "/index.xhtml"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(chunked("a=b")), false);
        assertEquals(411, response.statusCode(), response.body());
    }

    private HttpResponse<String> send(HttpRequest.Builder request, boolean asAdmin) {
        if (asAdmin) {
            request.header("Authorization", ItEnvironment.basicAuth(ItEnvironment.ADMIN_USER, ItEnvironment.ADMIN_PASS));
        }
        try {
            return http.send(request.timeout(java.time.Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void assertTooLarge(HttpResponse<String> response, long cap) {
        assertEquals(413, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"),
                response.headers().toString());
        assertEquals("request body too large: at most " + cap + " bytes", Json.object(response.body()).getString("error"));
    }

    private static String notes(int size) {
        return "{\"bmc_ip\":\"10.9.9.9\",\"notes\":\"" + "x".repeat(size) + "\"}";
    }

    private static String comment(int size) {
        StringBuilder ini = new StringBuilder(size + 100);
        while (ini.length() < size) {
            ini.append("; ").append("x".repeat(1000)).append('\n');
        }
        return ini.toString();
    }

    /** A body without Content-Length: the JDK client sends it chunked when the length is unknown (-1). */
    private static HttpRequest.BodyPublisher chunked(String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes));
    }
}
