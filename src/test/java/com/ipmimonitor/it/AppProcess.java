package com.ipmimonitor.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The built uber-jar started as an operator would: java -jar with environment variables, HTTP on loopback. */
public final class AppProcess {

    private final Process process;
    private final int port;
    private final Path log;
    private final long logStart;
    private static final java.util.regex.Pattern READY_LINE = java.util.regex.Pattern.compile("Payara Micro .* ready in [0-9,]+ \\(ms\\)");

    private AppProcess(Process process, int port, Path log, long logStart) {
        this.process = process;
        this.port = port;
        this.log = log;
        this.logStart = logStart;
    }

    public static AppProcess start(Path workDir, int port, Map<String, String> env) throws IOException {
        AppProcess app = launch(workDir, port, env);
        try {
            app.awaitReady();
            return app;
        } catch (IllegalStateException e) {
            if (app.process.isAlive() || !app.lostTheBootRace()) {
                throw e;
            }
            System.err.println("Payara lost its HK2 boot race (see " + app.log + "); starting it once more");
            AppProcess again = launch(workDir, port, env);
            again.awaitReady();
            return again;
        }
    }

    /**
     * Payara Micro 6.2025.10 starts its run-level services on several threads, and on a busy machine two of them
     * can modify one HK2 listener list at once: the boot fails with a ConcurrentModificationException in
     * SystemDescriptor.invokeInstanceListeners and the JVM exits. Seen once under a load average of 13; it is
     * the container's race, not the application's, so a test starts the app once more.
     */
    private boolean lostTheBootRace() {
        try {
            String text = Files.readString(log);
            return text.contains("java.util.ConcurrentModificationException")
                    && text.contains("org.jvnet.hk2.internal.SystemDescriptor.invokeInstanceListeners");
        } catch (IOException e) {
            return false;
        }
    }

    /** Starts the app without waiting for it to be ready (for tests of a start that must fail). */
    public static AppProcess launch(Path workDir, int port, Map<String, String> env) throws IOException {
        Files.createDirectories(workDir);
        Path preboot = workDir.resolve("loopback.asadmin");
        Files.writeString(preboot, "set configs.config.server-config.network-config.network-listeners"
                + ".network-listener.http-listener.address=127.0.0.1\n");
        Path log = workDir.resolve("app.log");
        long logStart = Files.exists(log) ? Files.size(log) : 0; // a restart appends to the same log
        ProcessBuilder pb = new ProcessBuilder(List.of("java", "-Xmx512m", "-XX:+ExitOnOutOfMemoryError", "-jar",
                System.getProperty("it.appJar", "target/ipmi-monitor.jar"),
                "--port", String.valueOf(port), "--prebootcommandfile", preboot.toString(),
                "--rootdir", workDir.resolve("payara").toString()))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.environment().putAll(env);
        return new AppProcess(pb.start(), port, log, logStart);
    }

    public Path log() {
        return log;
    }

    /** The app names itself pid@host in collection_run.instance. */
    public String instancePrefix() {
        return process.pid() + "@";
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /**
     * GET /api/servers, retried: Payara 6.2025.10 can answer the very first requests after start with a 500 (a
     * ConcurrentModificationException while it still registers request listeners). The body, or the last status
     * and body when it never answered 200.
     */
    public String servers(HttpClient http) throws IOException, InterruptedException {
        HttpResponse<String> response = null;
        for (int attempt = 0; attempt < 40; attempt++) {
            response = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/servers")).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) {
                return response.body();
            }
            ItEnvironment.sleep(500);
        }
        return response.statusCode() + " " + response.body();
    }

    private void awaitReady() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the app exited during start; see " + log);
            }
            try {
                // ready means the database answers; the API must answer too (Payara 6.2025.10 can fail the first
                // requests after start with a 500 while it still registers request listeners)
                // and Payara has finished booting (its post-deploy steps; a restart on the same --rootdir no longer
                // loads a kept copy first: RestartOnSameRootdirIT)
                if (booted() && ok(http, "/health/ready") && ok(http, "/api/auth/status")) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            ItEnvironment.sleep(500);
        }
        stop();
        throw new IllegalStateException("the app did not become ready in 180 s; see " + log);
    }

    /** Payara Micro's "ready in … (ms)" line, written by this process, once every deployment is done. */
    private boolean booted() throws IOException {
        return READY_LINE.matcher(logOfThisRun()).find();
    }

    /** What this process wrote to the log (a restart on the same work directory appends to the same file). */
    public String logOfThisRun() throws IOException {
        try (var channel = Files.newByteChannel(log)) {
            channel.position(logStart);
            return new String(java.nio.channels.Channels.newInputStream(channel).readAllBytes(),
                    java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private boolean ok(HttpClient http, String path) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(Duration.ofSeconds(5));
        return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    }

    /** SIGKILL: an instance that dies without a chance to release its leases. */
    public void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * SIGTERM, as a service manager would send it: the app stops its own embedded PostgreSQL. Returns whether it
     * ended by itself within 60 s (else it is killed).
     */
    public boolean stop() {
        process.destroy();
        try {
            if (process.waitFor(60, TimeUnit.SECONDS)) {
                return true;
            }
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }
}
