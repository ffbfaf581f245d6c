package com.ipmimonitor.it;

import com.ipmimonitor.database.control.PostgresCluster;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real parts the integration tests run against, started once per test JVM and stopped by a shutdown
 * hook: a throwaway PostgreSQL cluster, a fleet of simulated BMCs (ipmi_sim, loopback only) and the built
 * Payara Micro uber-jar, configured through environment variables as an operator would.
 */
public final class ItEnvironment {

    public static final String ADMIN_USER = "admin";
    public static final String ADMIN_PASS = "it-admin-secret";
    // overridable so that a second checkout can run an IT beside this one (-Dit.appPort=… -Dit.pgPort=… -Dit.simNet=…);
    // failsafe runs two forks at once, each with an environment of its own: the second one 100 ports and 10 nets up
    private static final int FORK = forkIndex(System.getProperty("it.fork", ""));
    static final int APP_PORT = Integer.getInteger("it.appPort", 18181) + 100 * FORK;
    static final int PG_PORT = Integer.getInteger("it.pgPort", 55433) + 100 * FORK;
    static final int FLEET_SIZE = 8;
    static final String SIM_NET = forkNet(System.getProperty("it.simNet", "127.78"));
    /** bmc007 names a sensor "<script>CPU2ECC": the pages must show it as text. */
    static final int HOSTILE_BMC = 7;

    private static ItEnvironment instance;

    /** 0 for the first failsafe fork ("fork1") or a run outside failsafe, 1 for the second. */
    private static int forkIndex(String fork) {
        String digits = fork.replaceAll("\\D", "");
        return digits.isEmpty() ? 0 : Integer.parseInt(digits) - 1;
    }

    private static String forkNet(String net) {
        String[] octets = net.split("\\.");
        return octets[0] + "." + (Integer.parseInt(octets[1]) + 10 * FORK);
    }

    private final Path workDir = Path.of(System.getProperty("it.workDir", "target/it")).toAbsolutePath();
    private final Path projectDir = Path.of(System.getProperty("it.projectDir", ".")).toAbsolutePath();
    // outside the checkout: under root, the cluster runs as "postgres", which may not traverse e.g. /root
    private final Path pgDir = Path.of(System.getProperty("java.io.tmpdir"), "ipmimon-it-pg-" + PG_PORT);
    private final PostgresCluster postgres = new PostgresCluster(pgDir.resolve("data"), PG_PORT, "ipmimon", "ipmimon");
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private AppProcess app;
    private List<SimulatedBmc> fleet;

    private ItEnvironment() {
    }

    public static synchronized ItEnvironment get() {
        if (instance == null) {
            ItEnvironment env = new ItEnvironment();
            Runtime.getRuntime().addShutdownHook(new Thread(env::stop, "it-environment-stop"));
            env.start();
            instance = env;
        }
        return instance;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + APP_PORT;
    }

    public List<SimulatedBmc> fleet() {
        return fleet;
    }

    public SimulatedBmc bmc(String note) {
        return fleet.stream().filter(b -> b.note().contains(note)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no simulated BMC with note " + note));
    }

    /** A fresh database of its own in the test cluster, for tests that must not disturb the running app. */
    public String createDatabase(String name) {
        postgres.start(name, "");
        return postgres.jdbcUrl(name);
    }

    /** The app's own database, for tests that must look at what is stored. */
    public java.sql.Connection appDatabase() throws java.sql.SQLException {
        var login = new java.util.Properties();
        login.setProperty("user", "ipmimon");
        login.setProperty("password", "ipmimon");
        return new org.postgresql.Driver().connect(postgres.jdbcUrl("ipmimon_it"), login);
    }

    public Path workDir() {
        return workDir;
    }

    public Path projectDir() {
        return projectDir;
    }

    private void start() {
        try {
            deleteRecursively(workDir);
            Files.createDirectories(workDir);
            deleteRecursively(pgDir);
            Files.createDirectories(pgDir);
            pgDir.toFile().setExecutable(true, false);
            postgres.start("ipmimon_it", "-c fsync=off -c synchronous_commit=off -c full_page_writes=off");
            fleet = startFleet();
            app = startApp();
            registerFleet();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the integration test environment", e);
        }
    }

    private List<SimulatedBmc> startFleet() throws IOException {
        Path fleetDir = workDir.resolve("fleet");
        run(Map.of("FLEET_DIR", fleetDir.toString(), "SIM_NET", SIM_NET, "HOSTILE_BMC", String.valueOf(HOSTILE_BMC)),
                Duration.ofMinutes(3),
                projectDir.resolve("src/test/bmcsim/fleet.sh").toString(), "start", String.valueOf(FLEET_SIZE));
        return SimulatedBmc.fromInventory(Files.readString(fleetDir.resolve("inventory.tsv")));
    }

    private AppProcess startApp() throws IOException {
        // the real ipmitool through a wrapper that logs each run's command line (no password on it: -E), and an exec
        // batch's lines after it ("[power status ; sel info ; ]"), so that a test can count the runs of a poll and
        // see what they asked (OneSessionPollIT)
        Files.writeString(ipmitoolWrapper(), "#!/bin/sh\nfor last; do :; done\nb=\ncase \" $* \" in *\" exec \"*)"
                + " b=\" [$(sed 's/$/ ;/' \"$last\" | tr '\\n' ' ')]\";; esac\n"
                + "echo \"$(date +%s.%N) $*$b\" >> " + ipmitoolRuns() + "\nexec ipmitool \"$@\"\n");
        ipmitoolWrapper().toFile().setExecutable(true, true);
        return AppProcess.start(workDir, APP_PORT, appEnvironment(workDir.resolve("app-data")));
    }

    private Path ipmitoolWrapper() {
        return workDir.resolve("ipmitool-logged");
    }

    /** One line per ipmitool run of the apps: its start (epoch seconds) and its arguments. */
    public Path ipmitoolRuns() {
        return workDir.resolve("ipmitool-runs.log");
    }

    /** How the shared app is configured; further instances of a cluster use the same, with their own data dir. */
    public Map<String, String> appEnvironment(Path dataDir) {
        Map<String, String> env = new java.util.HashMap<>(Map.of(
                "DB_URL", postgres.jdbcUrl("ipmimon_it"), "DB_USER", "ipmimon", "DB_PASSWORD", "ipmimon",
                "DATA_DIR", dataDir.toString(),
                "ADMIN_USER", ADMIN_USER, "ADMIN_PASS", ADMIN_PASS, "SECRET_KEY", "integration-test-secret-key"));
        env.putAll(Map.of("POLL_INTERVAL", "20", "IPMITOOL_SESSION_TIMEOUT", "1", "IPMITOOL_RETRIES", "1",
                "APP_NAME", "IPMI Monitor IT", "IPMITOOL_PATH", ipmitoolWrapper().toString()));
        return env;
    }

    private void registerFleet() {
        register(baseUrl(), fleet);
    }

    /** Adds simulated BMCs to the app at baseUrl (the shared one or a test's own) through the API, as an admin. */
    /**
     * A simulated BMC of a test's own beside the fleet (generated with bmcgen.py in workDir/dirName), started and
     * answering; the caller registers it and destroys the process at the end.
     */
    public Process startOwnSimulator(SimulatedBmc bmc, String dirName, int seed) throws IOException {
        Path dir = workDir().resolve(dirName);
        run(Map.of(), Duration.ofSeconds(60), "python3", "src/test/bmcsim/bmcgen.py", "--dir", dir.toString(),
                "--name", bmc.name(), "--addr", bmc.host(), "--port", String.valueOf(bmc.port()), "--console-port",
                String.valueOf(bmc.consolePort()), "--user", bmc.user(), "--password", bmc.password(), "--sel-count",
                String.valueOf(bmc.selEntries()), "--seed", String.valueOf(seed));
        Process sim = new ProcessBuilder("ipmi_sim", "-c", "lan.conf", "-f", "bmc.emu", "-s", dir.resolve("state").toString(), "-n")
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve("sim.log").toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())).start();
        await("the simulated BMC " + bmc.name() + " answering", 30, () -> {
            try {
                return ipmitool(bmc, "sel", "time", "set", "now") != null;
            } catch (IllegalStateException notYet) {
                return false;
            }
        });
        return sim;
    }

    public void register(String appBaseUrl, List<SimulatedBmc> bmcs) {
        for (SimulatedBmc bmc : bmcs) {
            String body = "{\"bmc_ip\":\"%s\",\"port\":%d,\"server_name\":\"%s\",\"ipmi_user\":\"%s\",\"ipmi_pass\":\"%s\"}"
                    .formatted(bmc.host(), bmc.port(), bmc.name(), bmc.user(), bmc.password());
            var response = send(HttpRequest.newBuilder(URI.create(appBaseUrl + "/api/servers/add"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)), true);
            if (response.statusCode() != 201) {
                throw new IllegalStateException("cannot register " + bmc + ": " + response.statusCode() + " " + response.body());
            }
        }
    }

    /** Deletes a server a test added, so that the tests after it see the fleet as it was. */
    public void removeServer(String bmcIp) {
        var response = send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/servers/" + bmcIp)).DELETE(), true);
        if (response.statusCode() != 200) { // the original's {status, message}
            throw new IllegalStateException("cannot remove " + bmcIp + ": " + response.statusCode() + " " + response.body());
        }
    }

    /** SIGSTOP: the simulator stops answering mid-life, like a wedged BMC, with its state kept. */
    public void freeze(SimulatedBmc bmc) {
        signal(bmc, "STOP");
    }

    /** SIGCONT: the frozen simulator answers again. */
    public void thaw(SimulatedBmc bmc) {
        signal(bmc, "CONT");
    }

    private void signal(SimulatedBmc bmc, String signal) {
        try {
            String pid = Files.readString(workDir.resolve("fleet").resolve(bmc.name()).resolve("sim.pid")).strip();
            run(Map.of(), Duration.ofSeconds(10), "kill", "-" + signal, pid);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** How far the shared app's log has grown, to read what it logs from now on with appLogSince. */
    public long appLogLength() {
        return app.log().toFile().length();
    }

    public String appLogSince(long length) {
        try {
            byte[] log = Files.readAllBytes(app.log());
            return new String(log, (int) Math.min(length, log.length), (int) Math.max(0, log.length - length),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).GET(), false);
    }

    public HttpResponse<String> getAsAdmin(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).GET(), true);
    }

    public HttpResponse<String> post(String path, String json, boolean asAdmin) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json == null ? "" : json)), asAdmin);
    }

    public static String basicAuth(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    public HttpResponse<String> send(HttpRequest.Builder request, boolean asAdmin) {
        if (asAdmin) {
            request.header("Authorization", basicAuth(ADMIN_USER, ADMIN_PASS));
        }
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Runs emulator console commands on one simulated BMC (sel_add, sensor_set_value, ...), in one session. */
    public String simConsole(SimulatedBmc bmc, String... commands) {
        List<String> cmd = new ArrayList<>(List.of("python3", projectDir.resolve("src/test/bmcsim/simctl.py").toString(),
                "--host", bmc.host(), "--port", String.valueOf(bmc.consolePort())));
        cmd.addAll(List.of(commands));
        try {
            return run(Map.of(), Duration.ofSeconds(20), cmd.toArray(String[]::new));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs ipmitool against a simulated BMC the way an operator would (password through -E). */
    public String ipmitool(SimulatedBmc bmc, String... command) {
        List<String> cmd = new ArrayList<>(List.of("ipmitool", "-I", "lanplus", "-C", "3", "-H", bmc.host(), "-p",
                String.valueOf(bmc.port()), "-U", bmc.user(), "-E"));
        cmd.addAll(List.of(command));
        try {
            return run(Map.of("IPMI_PASSWORD", bmc.password()), Duration.ofSeconds(30), cmd.toArray(String[]::new));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs a command with a hard timeout (killed with its children when it expires); its output, or IOException. */
    static String run(Map<String, String> env, Duration timeout, String... cmd) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        try {
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                throw new IOException(String.join(" ", cmd) + " timed out");
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.exitValue() != 0) {
                throw new IOException(String.join(" ", cmd) + " failed (" + p.exitValue() + "): " + out);
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private void stop() {
        if (app != null) {
            app.stop();
        }
        try {
            run(Map.of("FLEET_DIR", workDir.resolve("fleet").toString()), Duration.ofMinutes(1),
                    projectDir.resolve("src/test/bmcsim/fleet.sh").toString(), "stop");
        } catch (IOException e) {
            System.err.println("stopping the simulated fleet failed: " + e.getMessage());
        }
        postgres.stop();
    }

    /** Waits until done, checking every 100 ms, at most the given seconds; then fails naming what did not happen. */
    static void await(String what, int seconds, java.util.function.BooleanSupplier done) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            if (done.getAsBoolean()) {
                return;
            }
            sleep(100);
        }
        throw new AssertionError(what + " did not happen within " + seconds + " s");
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
