package com.ipmimonitor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Anonymous page views cost the server nothing that outlives them: each cookie-less GET / used to create an HTTP
 * session holding the page's view state for an hour, so a flood of them filled the heap (500s, OutOfMemoryError,
 * collection slowed) and the app never recovered. Loopback only, bounded in time and in requests.
 */
class AnonymousFloodIT {

    private static final int IN_FLIGHT = 200;
    private static final Duration FLOOD = Duration.ofSeconds(20);
    private static final int MAX_REQUESTS = 6000;

    private final ItEnvironment env = ItEnvironment.get();
    // no CookieHandler: every request is a new visitor
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void anonymousViewsOfEveryPublicPageCreateNoSession() throws Exception {
        String server = "/server/" + env.fleet().get(0).host();
        for (String path : List.of("/", "/index.xhtml", "/login", "/alerts", server, "/server/10.255.255.1")) {
            for (int i = 0; i < 3; i++) {
                HttpResponse<String> response = get(path);
                assertEquals(path.contains("10.255.255.1") ? 404 : 200, response.statusCode(), path);
                assertTrue(response.headers().allValues("Set-Cookie").stream().noneMatch(c -> c.startsWith("JSESSIONID")),
                        path + " created a session: " + response.headers().allValues("Set-Cookie"));
            }
        }
        // their AJAX still works without one (the browser tests): the state travels in the forms
        for (String path : List.of("/", "/alerts", server)) {
            assertTrue(get(path).body().contains("value=\"stateless\""), path + " has a view state to keep");
        }
    }

    @Test
    void aFloodOfAnonymousViewsEndsWithTheAppAnsweringAndCollectingAgain() throws Exception {
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();
        AtomicInteger sessions = new AtomicInteger();
        Semaphore slots = new Semaphore(IN_FLIGHT);
        Instant began = Instant.now();
        Instant stopAt = began.plus(FLOOD);
        int sent = 0;
        while (Instant.now().isBefore(stopAt) && sent < MAX_REQUESTS) {
            if (!slots.tryAcquire(1, TimeUnit.SECONDS)) {
                continue;
            }
            sent++;
            http.sendAsync(request("/"), HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
                if (error != null) {
                    Throwable cause = error.getCause() == null ? error : error.getCause();
                    failures.computeIfAbsent(cause.getClass().getSimpleName(), s -> new AtomicInteger()).incrementAndGet();
                } else {
                    statuses.computeIfAbsent(response.statusCode(), s -> new AtomicInteger()).incrementAndGet();
                    if (response.headers().allValues("Set-Cookie").stream().anyMatch(c -> c.startsWith("JSESSIONID"))) {
                        sessions.incrementAndGet();
                    }
                }
                slots.release();
            });
        }
        assertTrue(slots.tryAcquire(IN_FLIGHT, 90, TimeUnit.SECONDS), "the flood's last requests never ended");
        Instant ended = Instant.now();
        System.out.printf("flood: %d GET / in %d ms, %d in flight: statuses %s, failed %s, %d sessions created%n", sent,
                Duration.between(began, ended).toMillis(), IN_FLIGHT, statuses, failures, sessions.get());

        Duration recovery = awaitAnswering(List.of("/", "/api/servers", "/api/stats", "/health/live"), Duration.ofSeconds(60));
        System.out.printf("flood: every page answered 200 %d ms after the flood%n", recovery.toMillis());
        assertEquals(0, sessions.get(), "anonymous views created sessions");
        assertTrue(statuses.keySet().stream().noneMatch(s -> s >= 500), "the flood got server errors: " + statuses);
        awaitFleetPolledSince(ended, Duration.ofSeconds(60));
    }

    /** How long until every path answered 200 (each asked again until it does), at most within. */
    private Duration awaitAnswering(List<String> paths, Duration within) throws Exception {
        Instant start = Instant.now();
        Set<String> waiting = new HashSet<>(paths);
        while (!waiting.isEmpty()) {
            assertTrue(Duration.between(start, Instant.now()).compareTo(within) < 0,
                    waiting + " did not answer 200 within " + within + " of the flood");
            waiting.removeIf(path -> {
                try {
                    return get(path).statusCode() == 200;
                } catch (Exception e) {
                    return false;
                }
            });
            if (!waiting.isEmpty()) {
                ItEnvironment.sleep(500);
            }
        }
        return Duration.between(start, Instant.now());
    }

    /** Every BMC of the fleet that answers is polled successfully again after the flood (interval 20 s). */
    private void awaitFleetPolledSince(Instant since, Duration within) throws Exception {
        Set<String> expected = new HashSet<>();
        env.fleet().stream().filter(b -> !b.note().equals("unreachable") && !b.note().contains("wrong-password"))
                .forEach(b -> expected.add(b.host()));
        long deadline = System.nanoTime() + within.toNanos();
        Set<String> polled = Set.of();
        while (System.nanoTime() < deadline) {
            polled = new PollWatch(env).polledOkSince(since);
            if (polled.containsAll(expected)) {
                return;
            }
            ItEnvironment.sleep(1000);
        }
        Set<String> missing = new HashSet<>(expected);
        missing.removeAll(polled);
        throw new AssertionError("not polled within " + within + " of the flood: " + missing);
    }


    private HttpResponse<String> get(String path) throws Exception {
        return http.send(request(path), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest request(String path) {
        return HttpRequest.newBuilder(URI.create(env.baseUrl() + path)).timeout(Duration.ofSeconds(60)).GET().build();
    }
}
