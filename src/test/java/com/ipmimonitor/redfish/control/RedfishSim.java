package com.ipmimonitor.redfish.control;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The project's Redfish simulator (src/test/redfishsim) as a child process on a loopback address and free ports.
 * It stops when closed (or, should this JVM die, when its stdin closes). Public for the ITs of the app
 * (com.ipmimonitor.it.RedfishCollectionIT).
 */
public final class RedfishSim implements AutoCloseable {

    private final Process process;
    private final String host;
    private final int httpsPort;
    private final int controlPort;
    private final String fingerprint;
    private final HttpClient control = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private RedfishSim(Process process, String host, Map<String, String> ready) {
        this.process = process;
        this.host = host;
        this.httpsPort = Integer.parseInt(ready.get("https"));
        this.controlPort = Integer.parseInt(ready.get("control"));
        this.fingerprint = ready.get("fingerprint");
    }

    public static RedfishSim start(String host, String flavour, String... flags) {
        Path dir = Path.of(System.getProperty("it.projectDir", System.getProperty("user.dir")),
                "src/test/redfishsim");
        String python = Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
        List<String> command = new ArrayList<>(List.of(python, dir.resolve("redfishsim.py").toString(),
                "--host", host, "--flavour", flavour, "--exit-with-stdin"));
        command.addAll(Arrays.asList(flags));
        try {
            Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8));
            String line;
            try {
                line = CompletableFuture.supplyAsync(() -> readLine(out)).get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                process.destroyForcibly();
                throw new IllegalStateException("the Redfish simulator did not start in 30 s", e);
            }
            if (line == null || !line.startsWith("READY ")) {
                process.destroyForcibly();
                throw new IllegalStateException("the Redfish simulator said: " + line);
            }
            Map<String, String> ready = new HashMap<>();
            for (String pair : line.substring(6).split(" ")) {
                String[] kv = pair.split("=", 2);
                ready.put(kv[0], kv[1]);
            }
            return new RedfishSim(process, host, ready);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String readLine(BufferedReader reader) {
        try {
            return reader.readLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URI base() {
        return URI.create("https://" + host + ":" + httpsPort);
    }

    public String fingerprint() {
        return fingerprint;
    }

    /** For benchmarks that count the simulator's CPU (RedfishLogBench). */
    long pid() {
        return process.pid();
    }

    /** One control command (README.md beside the simulator); its JSON answer. */
    public JsonObject command(String line) {
        try {
            HttpResponse<String> response = control.send(HttpRequest.newBuilder(
                            URI.create("http://" + host + ":" + controlPort + "/"))
                    .timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.ofString(line)).build(),
                    HttpResponse.BodyHandlers.ofString());
            try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
                JsonObject answer = reader.readObject();
                if (!line.equals("stats") && !answer.getBoolean("ok", false)) {
                    throw new IllegalStateException(line + ": " + answer);
                }
                return answer;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public JsonObject stats() {
        return command("stats");
    }

    @Override
    public void close() {
        try {
            process.getOutputStream().close();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroy();
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            }
        } catch (IOException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
