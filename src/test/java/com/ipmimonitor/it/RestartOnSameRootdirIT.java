package com.ipmimonitor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A restart on the same Payara --rootdir, as scripts/run.sh (DATA_DIR/payara) and the Docker image (/data/payara)
 * do it. Payara Micro kept the deployed ROOT.war in that rootdir's domain.xml: a restart first deployed the kept
 * copy (readiness said UP), then undeployed it and deployed the jar's own, so for ~20 s the API answered 500.
 * Now the second start deploys the application once, and from the first UP on the API never answers 500.
 */
class RestartOnSameRootdirIT {

    /**
     * Logged each time the web application is put on "/": by a deployment ("ROOT was successfully deployed") and
     * by the load of a kept copy at start ("Loading application ROOT done"), which logs no "deployed" line.
     */
    private static final Pattern DEPLOYED = Pattern.compile("Loading application \\[ROOT\\] at \\[/\\]");
    private final ItEnvironment env = ItEnvironment.get();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void aRestartDeploysOnceAndTheApiNeverAnswers500AfterReady() throws Exception {
        Path workDir = env.workDir().resolve("restart-same-rootdir");
        Map<String, String> config = new HashMap<>(env.appEnvironment(workDir.resolve("app-data")));
        config.put("DB_URL", env.createDatabase("restart_it"));
        int port = freePort();

        AppProcess first = AppProcess.start(workDir, port, config);
        assertTrue(first.stop(), "the first instance did not stop on SIGTERM; see " + first.log());

        AppProcess second = AppProcess.launch(workDir, port, config);
        try {
            awaitReady(second);
            List<String> answers = pollServers(second, Duration.ofSeconds(30));
            assertTrue(answers.stream().noneMatch(a -> a.startsWith("500")),
                    "/api/servers answered 500 after /health/ready was UP: " + answers + "; see " + second.log());
            assertTrue(answers.stream().allMatch("200"::equals),
                    "/api/servers did not answer 200 after /health/ready was UP: " + answers);
            long deployments = DEPLOYED.matcher(second.logOfThisRun()).results().count();
            assertEquals(1, deployments, "deployments logged by the restarted app; see " + second.log());
        } finally {
            second.stop();
        }
    }

    /** /health/ready UP (not Payara's "ready in" line, which a start with a redeploy writes only after it). */
    private void awaitReady(AppProcess app) {
        ItEnvironment.await("the restarted app ready", 180, () -> {
            try {
                return status(app, "/health/ready") == 200;
            } catch (IOException notListening) {
                return false;
            }
        });
    }

    /** Every status of GET /api/servers (and the body of a non-200) over the given time, one request at a time. */
    private List<String> pollServers(AppProcess app, Duration during) throws InterruptedException {
        List<String> answers = new ArrayList<>();
        long end = System.nanoTime() + during.toNanos();
        while (System.nanoTime() < end) {
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(app.baseUrl() + "/api/servers"))
                        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
                answers.add(response.statusCode() == 200 ? "200"
                        : response.statusCode() + " " + response.body().substring(0, Math.min(200, response.body().length())));
            } catch (IOException e) {
                answers.add("no answer: " + e);
            }
            TimeUnit.MILLISECONDS.sleep(250);
        }
        return answers;
    }

    private int status(AppProcess app, String path) throws IOException {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(app.baseUrl() + path)).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
