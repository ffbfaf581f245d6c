package com.ipmimonitor.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.ipmimonitor.collection.entity.PollOutcome;
import com.ipmimonitor.observability.control.FleetMetricSamples;
import com.ipmimonitor.observability.control.MetricSample;
import com.ipmimonitor.observability.control.SensorFact;
import com.ipmimonitor.observability.control.ServerFacts;
import com.ipmimonitor.sensors.entity.SensorKind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Static checks of the deployment files (no Docker engine needed): Prometheus config, alert rules and their
 * promtool unit tests, docker/compose.yml (with its "ha" profile), docker/Dockerfile against pom.xml, and the
 * GitHub Actions image workflow.
 */
class DeploymentFilesTest {

    private static final Path ROOT = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize();
    private static final Path PROMETHEUS_DIR = ROOT.resolve("grafana/prometheus");
    private static final Path PROMETHEUS_YML = PROMETHEUS_DIR.resolve("prometheus.yml");
    private static final Path RULES_YML = PROMETHEUS_DIR.resolve("ipmi-monitor-rules.yml");
    private static final Path RULES_TEST_YML = PROMETHEUS_DIR.resolve("ipmi-monitor-rules.test.yml");
    private static final Path COMPOSE_YML = ROOT.resolve("docker/compose.yml");
    private static final Path DOCKERFILE = ROOT.resolve("docker/Dockerfile");
    private static final Path WORKFLOW_YML = ROOT.resolve(".github/workflows/docker-image.yml");
    private static final Path POM = ROOT.resolve("pom.xml");

    private static final List<String> APP_ENVIRONMENT = List.of("IPMI_USER", "IPMI_PASS", "IPMI_PASS_NVIDIA",
            "POLL_INTERVAL", "ADMIN_USER", "ADMIN_PASS", "SECRET_KEY", "DB_URL");

    // ---------------------------------------------------------------- (a) promtool

    @Test
    void promtoolAcceptsTheConfigAndTheRules() throws Exception {
        promtool("check", "config", PROMETHEUS_YML.toString()); // loads rule_files too
        promtool("check", "rules", RULES_YML.toString());
    }

    @Test
    void promtoolUnitTestsOfTheRulesPass() throws Exception {
        promtool("test", "rules", RULES_TEST_YML.toString());
    }

    @Test
    void scrapeConfigTargetsTheComposeServiceAndLoadsTheRules() throws IOException {
        Map<String, Object> config = yaml(PROMETHEUS_YML);
        List<Object> ruleFiles = list(config.get("rule_files"));
        assertTrue(ruleFiles.stream().map(f -> PROMETHEUS_DIR.resolve(f.toString()).normalize()).anyMatch(RULES_YML::equals),
                "rule_files names " + RULES_YML + ": " + ruleFiles);
        Map<String, Object> job = list(config.get("scrape_configs")).stream().map(DeploymentFilesTest::map)
                .filter(j -> "ipmi-monitor".equals(j.get("job_name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no scrape job ipmi-monitor"));
        assertEquals("/metrics", job.get("metrics_path"));
        assertEquals("30s", job.get("scrape_interval"));
        List<String> targets = list(job.get("static_configs")).stream().map(DeploymentFilesTest::map)
                .flatMap(s -> list(s.get("targets")).stream()).map(Object::toString).toList();
        assertTrue(targets.contains("ipmi-monitor:8080"), targets.toString());
        // the target is the compose service and the port the container listens on
        assertTrue(services().containsKey("ipmi-monitor"));
        assertTrue(lastStage().stream().anyMatch(l -> l.matches("(?i)EXPOSE\\s+8080\\b.*")), "EXPOSE 8080");
    }

    // ---------------------------------------------------------------- (b) rules against /metrics

    @Test
    void everyMetricTheRulesUseIsOneTheAppExports() throws IOException {
        Set<String> exported = exportedMetricNames();
        Set<String> used = new TreeSet<>();
        for (Map<String, Object> rule : rules()) {
            Matcher m = Pattern.compile("\\bipmi_[a-z0-9_]+").matcher(rule.get("expr") + " " + rule.get("annotations"));
            while (m.find()) {
                used.add(m.group());
            }
        }
        assertFalse(used.isEmpty());
        Set<String> unknown = new TreeSet<>(used);
        unknown.removeAll(exported);
        assertTrue(unknown.isEmpty(), "rules use series /metrics never exports: " + unknown + "; exported: " + exported);

        // and the failure kinds they match on exist
        Set<String> kinds = Arrays.stream(PollOutcome.values()).map(Enum::name).collect(Collectors.toSet());
        for (Map<String, Object> rule : rules()) {
            Matcher m = Pattern.compile("kind\\s*=~?\\s*\"([^\"]+)\"").matcher(rule.get("expr").toString());
            while (m.find()) {
                assertTrue(kinds.contains(m.group(1)), rule.get("alert") + " matches unknown kind " + m.group(1));
            }
        }
    }

    @Test
    void everyRuleHasASeverityAndNamesTheServer() throws IOException {
        List<Map<String, Object>> rules = rules();
        assertTrue(rules.size() >= 6, "rules: " + rules.size());
        Set<String> names = new TreeSet<>();
        for (Map<String, Object> rule : rules) {
            String name = String.valueOf(rule.get("alert"));
            assertTrue(names.add(name), "duplicate alert " + name);
            Object severity = map(rule.get("labels")).get("severity");
            assertTrue(Set.of("critical", "warning", "info").contains(severity), name + " severity " + severity);
            Map<String, Object> annotations = map(rule.get("annotations"));
            for (String key : List.of("summary", "description")) {
                String text = String.valueOf(annotations.get(key));
                assertTrue(text.contains("$labels.server_name") && text.contains("$labels.bmc_ip"),
                        name + " " + key + " names server_name and bmc_ip: " + text);
            }
        }
        assertTrue(names.containsAll(List.of("IpmiBmcUnreachable", "IpmiNewCriticalSelEvent", "IpmiCollectionStale",
                "IpmiServerCollectionStale", "IpmiBmcAuthFailed")), names.toString());
        assertEquals("critical", severity(rules, "IpmiCollectionStale"));
        assertEquals("warning", severity(rules, "IpmiBmcUnreachable"));
    }

    @Test
    void promtoolTestsProveTheKeyAlertsFireAndStaySilent() throws IOException {
        Map<String, Object> tests = yaml(RULES_TEST_YML);
        List<Object> ruleFiles = list(tests.get("rule_files"));
        assertTrue(ruleFiles.stream().map(f -> PROMETHEUS_DIR.resolve(f.toString()).normalize()).anyMatch(RULES_YML::equals));
        Map<String, int[]> firingAndSilent = new LinkedHashMap<>();
        for (Object group : list(tests.get("tests"))) {
            for (Object t : list(map(group).getOrDefault("alert_rule_test", List.of()))) {
                Map<String, Object> check = map(t);
                int[] counts = firingAndSilent.computeIfAbsent(String.valueOf(check.get("alertname")), k -> new int[2]);
                counts[list(check.get("exp_alerts")).isEmpty() ? 1 : 0]++;
            }
        }
        for (String alert : List.of("IpmiBmcUnreachable", "IpmiCollectionStale", "IpmiBmcAuthFailed")) {
            int[] counts = firingAndSilent.getOrDefault(alert, new int[2]);
            assertTrue(counts[0] > 0 && counts[1] > 0, alert + " is tested firing and silent: " + Arrays.toString(counts));
        }
    }

    // ---------------------------------------------------------------- (c) compose

    @Test
    void composeRunsTheAppOnThePostgresService() throws IOException {
        Map<String, Object> services = services();
        assertTrue(services.containsKey("postgres"), services.keySet().toString());
        Map<String, Object> postgres = map(services.get("postgres"));
        assertTrue(String.valueOf(postgres.get("image")).startsWith("postgres"), "postgres image");
        assertNotNull(map(postgres.get("healthcheck")).get("test"), "postgres healthcheck");
        assertFalse(postgres.containsKey("profiles"), "postgres runs without a profile");

        Map<String, Object> app = map(services.get("ipmi-monitor"));
        assertFalse(app.containsKey("profiles"), "ipmi-monitor runs without a profile");
        assertAppService("ipmi-monitor", app);
        assertEquals("docker/Dockerfile", map(app.get("build")).get("dockerfile"));
        assertTrue(Files.isRegularFile(COMPOSE_YML.getParent().resolve(String.valueOf(map(app.get("build")).get("context")))
                .resolve(String.valueOf(map(app.get("build")).get("dockerfile")))), "build context + dockerfile exist");
        assertVolumesDeclared();
    }

    // ---------------------------------------------------------------- (d) Dockerfile

    @Test
    void dockerfileRunsTheUberJarThePomBuildsAsANonRootUser() throws Exception {
        List<String> last = lastStage();
        String user = instructions(last, "USER").reduce((a, b) -> b).orElseThrow(() -> new AssertionError("no USER in the last stage"));
        assertFalse(user.matches("(root|0)(:.*)?"), "USER " + user);
        String healthcheck = instructions(last, "HEALTHCHECK").findFirst().orElseThrow(() -> new AssertionError("no HEALTHCHECK"));
        assertTrue(healthcheck.contains("/health/ready"), healthcheck);
        assertTrue(instructions(last, "RUN").anyMatch(r -> r.matches(".*(apt-get|apk|dnf|yum|microdnf)\\b.*\\binstall\\b.*\\bipmitool\\b.*")
                || r.matches(".*\\bapk add\\b.*\\bipmitool\\b.*")), "the runtime stage installs ipmitool");

        // COPY --from=build <workdir>/target/<uber-jar> <dest>
        String copy = instructions(last, "COPY").filter(c -> c.startsWith("--from=")).findFirst()
                .orElseThrow(() -> new AssertionError("no COPY --from in the last stage"));
        String[] parts = copy.split("\\s+");
        String fromStage = parts[0].substring("--from=".length());
        String source = parts[parts.length - 2];
        String dest = parts[parts.length - 1];
        if (dest.endsWith("/")) {
            dest = dest + source.substring(source.lastIndexOf('/') + 1);
        }
        List<String> build = stage(fromStage);
        String workdir = instructions(build, "WORKDIR").reduce((a, b) -> b).orElse("/");
        String uberJar = uberJarName();
        assertEquals(workdir.replaceAll("/$", "") + "/target/" + uberJar, source,
                "COPY takes the uber-jar the pom builds in target/ of the build stage");
        assertTrue(instructions(build, "RUN").anyMatch(r -> r.contains("mvn") && r.contains("package")), "build stage packages");

        String entrypoint = instructions(last, "ENTRYPOINT").reduce((a, b) -> b).orElseThrow(() -> new AssertionError("no ENTRYPOINT"));
        List<String> argv = jsonArray(entrypoint);
        int jar = argv.indexOf("-jar");
        assertTrue(jar >= 0 && jar + 1 < argv.size(), "ENTRYPOINT runs java -jar: " + argv);
        assertEquals(dest, argv.get(jar + 1), "ENTRYPOINT runs the copied jar");
        assertEquals("8080", argv.get(argv.indexOf("--port") + 1), "listens on 8080");
    }

    /**
     * An app that ran out of heap kept answering 500 while its readiness check passed: every way to start it must
     * make the JVM stop at the first OutOfMemoryError, and something must start it again (compose's restart policy
     * for the container, a loop in scripts/run.sh that restarts on java's exit status 3).
     */
    @Test
    void everyStartPathStopsTheJvmOnOutOfMemoryAndSomethingRestartsIt() throws IOException {
        String entrypoint = instructions(lastStage(), "ENTRYPOINT").reduce((a, b) -> b).orElseThrow();
        List<String> argv = jsonArray(entrypoint);
        assertTrue(argv.indexOf("-XX:+ExitOnOutOfMemoryError") > 0 && argv.indexOf("-XX:+ExitOnOutOfMemoryError") < argv.indexOf("-jar"),
                "the image's java stops on OutOfMemoryError: " + argv);
        for (Map.Entry<String, Object> service : services().entrySet()) {
            Map<String, Object> app = map(service.getValue());
            if (app.containsKey("build") || String.valueOf(app.get("image")).startsWith("ipmi-monitor")) {
                assertTrue(List.of("always", "unless-stopped", "on-failure").contains(String.valueOf(app.get("restart"))),
                        service.getKey() + " is started again after the JVM stopped: restart " + app.get("restart"));
            }
        }
        String run = Files.readString(ROOT.resolve("scripts/run.sh"));
        List<String> javaLines = run.lines().filter(l -> l.strip().startsWith("java ")).toList();
        assertFalse(javaLines.isEmpty(), "run.sh starts java");
        javaLines.forEach(l -> assertTrue(l.contains("-XX:+ExitOnOutOfMemoryError"), "run.sh: " + l));
        assertTrue(run.contains("[ \"$status\" = 3 ]"), "run.sh starts the app again when java stopped on OutOfMemoryError");
        for (String script : List.of("bench/api-bench.sh", "bench/collection-bench.sh", "src/test/java/com/ipmimonitor/it/AppProcess.java")) {
            String text = Files.readString(ROOT.resolve(script));
            assertTrue(text.contains("-jar") && text.contains("-XX:+ExitOnOutOfMemoryError"), script + " starts the jar without -XX:+ExitOnOutOfMemoryError");
        }
    }

    /**
     * scripts/container-start-check.sh runs what the image runs: the last stage's ENTRYPOINT + CMD and ENV, with
     * the image's absolute paths moved into its work dir, its own port, and the loopback pre-boot file, nothing else.
     */
    @Test
    void containerStartCheckRunsTheDockerfilesEntrypoint() throws Exception {
        List<String> last = lastStage();
        List<String> expected = new ArrayList<>();
        String entrypoint = instructions(last, "ENTRYPOINT").reduce((a, b) -> b).orElseThrow();
        List<String> argv = new ArrayList<>(jsonArray(entrypoint));
        instructions(last, "CMD").reduce((a, b) -> b).ifPresent(cmd -> argv.addAll(jsonArray(cmd)));
        for (int i = 0; i < argv.size(); i++) {
            boolean portValue = i > 0 && argv.get(i - 1).equals("--port");
            expected.add(portValue ? "18188" : argv.get(i).startsWith("/") ? "<work>" + argv.get(i) : argv.get(i));
        }
        expected.addAll(List.of("--prebootcommandfile", "<work>/loopback.asadmin"));
        List<String> expectedEnv = instructions(last, "ENV").map(e -> e.replaceFirst("=/", "=<work>/")).toList();

        List<String> printed = containerStartCheckCommand();
        assertEquals(expected, printed.stream().filter(l -> l.startsWith("arg ")).map(l -> l.substring(4)).toList());
        assertEquals(expectedEnv, printed.stream().filter(l -> l.startsWith("env ")).map(l -> l.substring(4)).toList());
        assertTrue(expected.contains("-jar") && expectedEnv.stream().anyMatch(e -> e.startsWith("DATA_DIR=")), expected + " " + expectedEnv);
    }

    private static List<String> containerStartCheckCommand() throws Exception {
        Path output = Files.createTempFile("container-start-check", ".out");
        try {
            Process p = new ProcessBuilder("bash", ROOT.resolve("scripts/container-start-check.sh").toString(), "--print-command")
                    .directory(ROOT.toFile()).redirectErrorStream(true).redirectOutput(output.toFile()).start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail("container-start-check.sh --print-command timed out");
            }
            String text = Files.readString(output);
            assertEquals(0, p.exitValue(), text);
            return text.lines().toList();
        } finally {
            Files.deleteIfExists(output);
        }
    }

    // ---------------------------------------------------------------- (e) the "ha" profile

    @Test
    void haProfileAddsASecondInstanceOnTheSameDatabase() throws IOException {
        Map<String, Object> services = services();
        Map<String, Object> first = map(services.get("ipmi-monitor"));
        Map<String, Object> second = map(services.get("ipmi-monitor-2"));
        assertFalse(second.isEmpty(), "service ipmi-monitor-2");
        assertEquals(List.of("ha"), list(second.get("profiles")));
        assertAppService("ipmi-monitor-2", second);
        assertEquals(map(first.get("environment")), map(second.get("environment")), "same settings");
        assertEquals(first.get("image"), second.get("image"));
        assertEquals(first.get("build"), second.get("build"), "same Dockerfile");
        assertNotEquals(hostPorts(first), hostPorts(second));
        assertTrue(hostPorts(first).stream().noneMatch(hostPorts(second)::contains), "different host ports");
        Set<String> firstVolumes = namedVolumes(first);
        assertTrue(namedVolumes(second).stream().noneMatch(firstVolumes::contains), "its own /data volume");
        assertVolumesDeclared();
    }

    // ---------------------------------------------------------------- workflow

    @Test
    void workflowBuildsBothPlatformsFromTheDockerfileAndRunsTheTests() throws IOException {
        Map<String, Object> workflow = yaml(WORKFLOW_YML);
        // YAML 1.1 reads the key "on" as boolean true
        Map<String, Object> on = map(workflow.containsKey("on") ? workflow.get("on") : workflow.get(true));
        assertTrue(on.containsKey("push"), "runs on push");
        Map<String, Object> jobs = map(workflow.get("jobs"));
        List<Map<String, Object>> steps = jobs.values().stream().map(DeploymentFilesTest::map)
                .flatMap(j -> list(j.get("steps")).stream()).map(DeploymentFilesTest::map).toList();
        Set<String> actions = steps.stream().map(s -> String.valueOf(s.get("uses"))).map(u -> u.replaceAll("@.*", ""))
                .collect(Collectors.toSet());
        assertTrue(actions.containsAll(List.of("docker/setup-qemu-action", "docker/setup-buildx-action",
                "docker/build-push-action", "docker/login-action")), actions.toString());
        Map<String, Object> build = steps.stream().filter(s -> String.valueOf(s.get("uses")).startsWith("docker/build-push-action"))
                .map(s -> map(s.get("with"))).findFirst().orElseThrow();
        Set<String> platforms = Arrays.stream(String.valueOf(build.get("platforms")).split("[,\\s]+")).collect(Collectors.toSet());
        assertTrue(platforms.containsAll(List.of("linux/amd64", "linux/arm64")), platforms.toString());
        assertTrue(Files.isRegularFile(ROOT.resolve(String.valueOf(build.get("context"))).resolve(String.valueOf(build.get("file")))),
                "Dockerfile " + build.get("file") + " exists");
        assertEquals(ROOT.relativize(DOCKERFILE).toString(), build.get("file"));
        assertTrue(String.valueOf(build.get("push")).contains("PUSH"), "push only when allowed: " + build.get("push"));
        Map<String, Object> login = steps.stream().filter(s -> String.valueOf(s.get("uses")).startsWith("docker/login-action"))
                .findFirst().orElseThrow();
        assertEquals("ghcr.io", String.valueOf(map(login.get("with")).get("registry")).replace("${{ env.REGISTRY }}",
                String.valueOf(map(workflow.get("env")).get("REGISTRY"))));
        assertTrue(String.valueOf(map(login.get("with")).get("password")).contains("secrets.GITHUB_TOKEN"));
        assertTrue(String.valueOf(login.get("if")).contains("PUSH"), "logs in only when pushing");
        assertTrue(steps.stream().anyMatch(s -> String.valueOf(s.get("run")).trim().equals(".ci/run")), "a job runs .ci/run");
        assertTrue(Files.isRegularFile(ROOT.resolve(".ci/run")));
    }

    // ---------------------------------------------------------------- helpers

    private static void promtool(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("promtool"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true).start();
        String output;
        try (InputStream in = p.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail(String.join(" ", command) + " timed out:\n" + output);
        }
        assertEquals(0, p.exitValue(), String.join(" ", command) + ":\n" + output);
    }

    /** Every sample name FleetMetricSamples emits, with every optional present and every kind of sensor. */
    private static Set<String> exportedMetricNames() {
        Map<String, Long> failures = new LinkedHashMap<>();
        for (PollOutcome kind : PollOutcome.values()) {
            if (kind != PollOutcome.OK) {
                failures.put(kind.name(), 1L);
            }
        }
        ServerFacts server = new ServerFacts("10.0.0.1", "gpu-01", true, true, 10, 1, 2, Optional.of(0.5),
                Optional.of(1_800_000_000L), failures, Optional.of(0.95));
        List<SensorFact> sensors = Arrays.stream(SensorKind.values())
                .map(k -> new SensorFact("10.0.0.1", "gpu-01", k.name() + " sensor", k.name(), 1)).toList();
        Set<String> names = FleetMetricSamples.of(List.of(server), sensors).stream().map(MetricSample::name)
                .collect(Collectors.toCollection(TreeSet::new));
        assertTrue(names.contains("ipmi_temperature_celsius") && names.contains("ipmi_collection_failures_24h"), names.toString());
        return names;
    }

    private static List<Map<String, Object>> rules() throws IOException {
        List<Map<String, Object>> rules = new ArrayList<>();
        for (Object group : list(yaml(RULES_YML).get("groups"))) {
            list(map(group).get("rules")).stream().map(DeploymentFilesTest::map).forEach(rules::add);
        }
        return rules;
    }

    private static String severity(List<Map<String, Object>> rules, String alert) {
        return rules.stream().filter(r -> alert.equals(r.get("alert"))).map(r -> String.valueOf(map(r.get("labels")).get("severity")))
                .findFirst().orElseThrow();
    }

    private static Map<String, Object> services() throws IOException {
        return map(yaml(COMPOSE_YML).get("services"));
    }

    private static void assertAppService(String name, Map<String, Object> app) throws IOException {
        Map<String, Object> environment = map(app.get("environment"));
        for (String variable : APP_ENVIRONMENT) {
            assertTrue(environment.containsKey(variable), name + " sets " + variable + ": " + environment.keySet());
        }
        Matcher url = Pattern.compile("jdbc:postgresql://([^:/]+)(?::(\\d+))?/(\\w+)").matcher(String.valueOf(environment.get("DB_URL")));
        assertTrue(url.matches(), name + " DB_URL " + environment.get("DB_URL"));
        assertEquals("postgres", url.group(1), name + " DB_URL points at the postgres service");
        assertEquals(map(map(services().get("postgres")).get("environment")).get("POSTGRES_DB"), url.group(3), "database name");
        Map<String, Object> dependsOn = map(app.get("depends_on"));
        assertEquals("service_healthy", map(dependsOn.get("postgres")).get("condition"), name + " waits for a healthy postgres");
        assertFalse(hostPorts(app).isEmpty(), name + " publishes a port");
        assertTrue(list(app.get("ports")).stream().allMatch(p -> p.toString().endsWith(":8080")), name + " maps container port 8080");
        // the app container's own health comes from the Dockerfile's HEALTHCHECK (checked there)
        assertTrue(app.containsKey("healthcheck") || app.containsKey("build") || app.containsKey("image"));
    }

    private static void assertVolumesDeclared() throws IOException {
        Map<String, Object> compose = yaml(COMPOSE_YML);
        Set<String> declared = map(compose.get("volumes")).keySet();
        for (Map.Entry<String, Object> service : map(compose.get("services")).entrySet()) {
            for (String volume : namedVolumes(map(service.getValue()))) {
                assertTrue(declared.contains(volume), service.getKey() + " uses undeclared volume " + volume);
            }
        }
    }

    private static Set<String> namedVolumes(Map<String, Object> service) {
        return list(service.get("volumes")).stream().map(Object::toString).map(v -> v.split(":")[0])
                .filter(v -> !v.startsWith(".") && !v.startsWith("/") && !v.startsWith("~") && !v.startsWith("$"))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> hostPorts(Map<String, Object> service) {
        return list(service.get("ports")).stream().map(Object::toString).map(p -> p.substring(0, p.lastIndexOf(':')))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** Dockerfile instructions (continuations joined, comments dropped), split into stages at FROM. */
    private static List<List<String>> stages() throws IOException {
        List<List<String>> stages = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : Files.readAllLines(DOCKERFILE)) {
            String trimmed = line.strip();
            if (trimmed.startsWith("#") || (trimmed.isEmpty() && current.length() == 0)) {
                continue;
            }
            if (trimmed.endsWith("\\")) {
                current.append(trimmed, 0, trimmed.length() - 1).append(' ');
                continue;
            }
            current.append(trimmed);
            String instruction = current.toString().replaceAll("\\s+", " ").strip();
            current.setLength(0);
            if (instruction.isEmpty()) {
                continue;
            }
            if (instruction.regionMatches(true, 0, "FROM ", 0, 5)) {
                stages.add(new ArrayList<>());
            }
            assertFalse(stages.isEmpty(), "Dockerfile starts with FROM");
            stages.get(stages.size() - 1).add(instruction);
        }
        return stages;
    }

    private static List<String> lastStage() throws IOException {
        List<List<String>> stages = stages();
        return stages.get(stages.size() - 1);
    }

    private static List<String> stage(String name) throws IOException {
        return stages().stream().filter(s -> s.get(0).matches("(?i)FROM \\S+ AS " + Pattern.quote(name)))
                .findFirst().orElseThrow(() -> new AssertionError("no stage " + name));
    }

    private static java.util.stream.Stream<String> instructions(List<String> stage, String keyword) {
        return stage.stream().filter(i -> i.regionMatches(true, 0, keyword + " ", 0, keyword.length() + 1))
                .map(i -> i.substring(keyword.length() + 1).strip());
    }

    private static List<String> jsonArray(String exec) {
        assertTrue(exec.startsWith("[") && exec.endsWith("]"), "exec form: " + exec);
        List<String> items = new ArrayList<>();
        Matcher m = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(exec);
        while (m.find()) {
            items.add(m.group(1));
        }
        return items;
    }

    /** The exec-maven-plugin's --outputuberjar argument, built in ${project.build.directory}. */
    private static String uberJarName() throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(false);
        Document pom = factory.newDocumentBuilder().parse(POM.toFile());
        NodeList plugins = pom.getElementsByTagName("plugin");
        for (int i = 0; i < plugins.getLength(); i++) {
            Element plugin = (Element) plugins.item(i);
            if (!"exec-maven-plugin".equals(text(plugin, "artifactId"))) {
                continue;
            }
            assertEquals("${project.build.directory}", text(plugin, "workingDirectory"), "the uber-jar lands in target/");
            NodeList arguments = plugin.getElementsByTagName("argument");
            for (int a = 0; a + 1 < arguments.getLength(); a++) {
                if ("--outputuberjar".equals(arguments.item(a).getTextContent().strip())) {
                    return arguments.item(a + 1).getTextContent().strip();
                }
            }
        }
        throw new AssertionError("pom.xml: no exec-maven-plugin --outputuberjar argument");
    }

    private static String text(Element parent, String tag) {
        NodeList nodes = parent.getElementsByTagName(tag);
        return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent().strip();
    }

    private static Map<String, Object> yaml(Path file) throws IOException {
        assertTrue(Files.isRegularFile(file), file + " exists");
        LoaderOptions options = new LoaderOptions();
        try (InputStream in = Files.newInputStream(file)) {
            Object document = new Yaml(options).load(in);
            return map(document);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object o) {
        return o instanceof List<?> l ? (List<Object>) l : List.of();
    }
}
