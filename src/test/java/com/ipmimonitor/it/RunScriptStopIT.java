package com.ipmimonitor.it;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * README's command 1 (scripts/run.sh) stopped by a SIGTERM to the script alone, as a service manager or `kill <pid>`
 * sends it: the script used to die at once and leave the JVM running, with its port and its database in use.
 */
class RunScriptStopIT {

    private final ItEnvironment env = ItEnvironment.get();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void aTermToTheScriptStopsTheJvm() throws Exception {
        Path workDir = env.workDir().resolve("run-script-stop");
        Files.createDirectories(workDir);
        Map<String, String> config = new HashMap<>(env.appEnvironment(workDir.resolve("app-data")));
        config.put("DB_URL", env.createDatabase("run_script_it"));
        int port = freePort();
        config.put("PORT", String.valueOf(port));
        config.put("DEMO", "0");
        Path log = workDir.resolve("run.log");
        ProcessBuilder pb = new ProcessBuilder("bash", env.projectDir().resolve("scripts/run.sh").toString())
                .directory(env.projectDir().toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(config);
        Process script = pb.start();
        Optional<ProcessHandle> jvm = Optional.empty();
        try {
            ItEnvironment.await("run.sh's app ready on port " + port + " (see " + log + ")", 180,
                    () -> script.isAlive() && ready(port));
            jvm = script.descendants().filter(p -> p.info().command().orElse("").endsWith("java")).findFirst();
            assertTrue(jvm.isPresent(), "no java below run.sh: " + script.descendants().map(p -> p.info().commandLine()
                    .orElse("?")).toList());

            script.destroy(); // SIGTERM to the script's process only, not to its group
            ProcessHandle app = jvm.get();
            assertTrue(script.waitFor(90, TimeUnit.SECONDS), "run.sh did not end after SIGTERM; see " + log);
            ItEnvironment.await("the JVM gone after run.sh's SIGTERM", 60, () -> !app.isAlive());
            assertFalse(ready(port), "the app still answers on port " + port);
        } finally {
            jvm.ifPresent(ProcessHandle::destroyForcibly);
            script.destroyForcibly();
        }
        String output = Files.readString(log);
        assertFalse(output.contains("[INFO] BUILD") || output.contains("Building Uber Jar"),
                "run.sh rebuilt the jar instead of using the one the build made: " + output);
    }

    private boolean ready(int port) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/ready"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException notListening) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
