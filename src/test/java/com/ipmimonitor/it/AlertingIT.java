package com.ipmimonitor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ipmimonitor.database.control.PostgresCluster;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;

/**
 * Alerting end to end: the built uber-jar on a PostgreSQL of its own (55439), app on 18189, three simulated BMCs
 * of its own (127.79.x.x, fleet.sh), a local HTTP receiver for the webhooks (generic, Alertmanager format, one
 * that fails its first requests) and a local SMTP sink, all on loopback. Independent of ItEnvironment, so it
 * runs beside the other ITs.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AlertingIT {

    private static final int APP_PORT = 18189;
    private static final int PG_PORT = 55439;
    private static final String SIM_NET = "127.79";
    private static final String ADMIN_PASS = "alerting-it-admin";
    private static final String WEBHOOK_TOKEN = "Bearer it-webhook-token-never-logged";
    private static final String SMTP_PASSWORD = "smtp-password-never-logged";
    private static final String SECRET_PATH = "/generic/secret-path-token";
    private static final String AM_PATH = "/api/v2/alerts";
    private static final String FLAKY_PATH = "/flaky";
    /** Long enough for the large SEL's batches on a loaded machine, short enough to wait for in a test. */
    private static final int IPMITOOL_TIMEOUT_SECONDS = 20;

    private final Path work = Path.of(System.getProperty("it.workDir", "target/it")).toAbsolutePath().resolve("alerting");
    private final Path projectDir = Path.of(System.getProperty("it.projectDir", ".")).toAbsolutePath();
    private final Path pgDir = Path.of(System.getProperty("java.io.tmpdir"), "ipmimon-it-pg-" + PG_PORT);
    private final PostgresCluster postgres = new PostgresCluster(pgDir.resolve("data"), PG_PORT, "ipmimon", "ipmimon");
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, String> env = new HashMap<>();
    private final Map<String, Long> channelIds = new HashMap<>();
    private WebhookReceiver receiver;
    private SmtpSink smtp;
    private AppProcess app;
    private List<SimulatedBmc> fleet;

    @BeforeAll
    void start() throws IOException {
        ItEnvironment.deleteRecursively(work);
        ItEnvironment.deleteRecursively(pgDir);
        Files.createDirectories(work);
        Files.createDirectories(pgDir);
        pgDir.toFile().setExecutable(true, false);
        postgres.start("alerting_it", "-c fsync=off -c synchronous_commit=off");
        fleet = startFleet();
        receiver = new WebhookReceiver();
        receiver.failFirst(FLAKY_PATH, 2);
        smtp = new SmtpSink();
        env.putAll(Map.of("DB_URL", postgres.jdbcUrl("alerting_it"), "DB_USER", "ipmimon", "DB_PASSWORD", "ipmimon",
                "DATA_DIR", work.resolve("app-data").toString(), "ADMIN_USER", "admin", "ADMIN_PASS", ADMIN_PASS,
                "SECRET_KEY", "alerting-it-secret-key", "POLL_INTERVAL", "10", "IPMITOOL_SESSION_TIMEOUT", "1",
                "IPMITOOL_RETRIES", "1"));
        env.put("IPMITOOL_TIMEOUT", String.valueOf(IPMITOOL_TIMEOUT_SECONDS));
        // the restart test stops the app while polls are under way; an orderly stop hands their leases back
        // (CrashRecoveryIT), and should it not, a lease shorter than the default (4 x the ipmitool timeout + 60 s =
        // 140 s here) keeps the next test, which waits for that server to be polled, from waiting for the lease
        env.put("COLLECTOR_LEASE_SECONDS", "60");
        env.putAll(Map.of("SMTP_HOST", "127.0.0.1", "SMTP_PORT", String.valueOf(smtp.port()), "SMTP_USER", "alerts",
                "SMTP_PASSWORD", SMTP_PASSWORD, "SMTP_FROM", "ipmi-monitor@it.test", "SMTP_STARTTLS", "false",
                "ALERT_BASE_URL", "http://127.0.0.1:" + APP_PORT, "ALERT_RETRY_SECONDS", "1",
                "ALERT_DELIVERY_ATTEMPTS", "4", "ALERT_WEBHOOK_TIMEOUT", "3"));
        app = AppProcess.start(work.resolve("app"), APP_PORT, env);
        addChannel("generic", "{\"name\":\"generic\",\"type\":\"webhook\",\"url\":\"%s\",\"authorization\":\"%s\"}"
                .formatted(receiver.url(SECRET_PATH), WEBHOOK_TOKEN));
        addChannel("alertmanager", "{\"name\":\"alertmanager\",\"type\":\"webhook\",\"format\":\"alertmanager\",\"url\":\"%s\"}"
                .formatted(receiver.url(AM_PATH)));
        addChannel("mail", "{\"name\":\"mail\",\"type\":\"email\",\"recipients\":\"ops@it.test, oncall@it.test\"}");
        addChannel("flaky", "{\"name\":\"flaky\",\"type\":\"webhook\",\"url\":\"%s\"}".formatted(receiver.url(FLAKY_PATH)));
        for (SimulatedBmc bmc : fleet) {
            var added = post("/api/servers/add", "{\"bmc_ip\":\"%s\",\"port\":%d,\"server_name\":\"%s\",\"ipmi_user\":\"%s\",\"ipmi_pass\":\"%s\"}"
                    .formatted(bmc.host(), bmc.port(), bmc.name(), bmc.user(), bmc.password()), true);
            assertEquals(201, added.statusCode(), added.body());
        }
    }

    @AfterAll
    void stop() throws IOException {
        if (app != null) {
            app.stop();
        }
        ItEnvironment.run(Map.of("FLEET_DIR", work.resolve("fleet").toString()), Duration.ofMinutes(3), projectDir.resolve("src/test/bmcsim/fleet.sh").toString(), "stop");
        if (receiver != null) {
            receiver.close();
        }
        if (smtp != null) {
            smtp.close();
        }
        postgres.stop();
    }

    @Test
    @Order(1)
    void channelsAreCheckedAndNeverShowTheirSecrets() {
        var bad = post("/api/alert-channels", "{\"name\":\"x\",\"type\":\"webhook\",\"url\":\"ftp://example.org\"}", true);
        assertEquals(400, bad.statusCode(), bad.body());
        assertTrue(Json.object(bad.body()).getJsonArray("details").toString().contains("url"), bad.body());
        var badMail = post("/api/alert-channels", "{\"name\":\"y\",\"type\":\"email\",\"recipients\":\"nobody\"}", true);
        assertEquals(400, badMail.statusCode(), badMail.body());
        assertEquals(409, post("/api/alert-channels", "{\"name\":\"generic\",\"type\":\"webhook\",\"url\":\"http://127.0.0.1:1/\"}",
                true).statusCode());
        assertEquals(401, post("/api/alert-channels", "{\"name\":\"z\",\"type\":\"webhook\",\"url\":\"http://127.0.0.1:1/\"}",
                false).statusCode());
        assertEquals(401, get("/api/alert-channels", false).statusCode());
        var list = get("/api/alert-channels", true);
        assertEquals(200, list.statusCode());
        JsonArray channels = Json.array(list.body());
        assertEquals(4, channels.size(), list.body());
        assertFalse(list.body().contains("it-webhook-token"), list.body());
        assertFalse(list.body().contains("secret-path"), list.body());
        JsonObject generic = channels.stream().map(v -> v.asJsonObject()).filter(c -> c.getString("name").equals("generic"))
                .findFirst().orElseThrow();
        assertTrue(generic.getBoolean("has_authorization"));
        assertEquals("http://127.0.0.1:" + URI.create(receiver.url("/")).getPort() + "/…", generic.getString("url"));
    }

    @Test
    @Order(2)
    void historyReadByTheFirstPollIsNotAlertedButUnreachableBmcsAre() {
        SimulatedBmc wrongPassword = bmc("wrong-password");
        SimulatedBmc nothingThere = bmc("unreachable");
        ItEnvironment.await("first polls", 120, () -> fleet.stream().filter(b -> !b.note().contains("wrong-password") && !b.note().contains("unreachable"))
                .allMatch(b -> !server(b).isNull("last_success")));
        JsonObject authFailed = awaitAlert("bmc_unreachable", wrongPassword, 60);
        assertTrue(authFailed.getString("summary").contains("AUTH_FAILED"), authFailed.toString());
        assertEquals("critical", authFailed.getString("severity"));
        JsonObject unreachable = awaitAlert("bmc_unreachable", nothingThere, 60);
        assertTrue(unreachable.getString("summary").contains("UNREACHABLE"), unreachable.toString());
        long historicCritical = fleet.stream().filter(b -> b.note().contains("normal") || b.note().contains("large-sel"))
                .flatMap(b -> Json.array(get("/api/server/" + b.host() + "/events?limit=100000", false).body()).stream())
                .filter(e -> e.asJsonObject().getString("severity").equals("critical")).count();
        assertTrue(historicCritical > 0, "the simulated SELs hold critical history");
        awaitAnEvaluationAndItsDeliveries(); // one evaluation wholly after the first polls
        assertEquals(List.of(), alerts().stream().filter(a -> a.getString("rule").equals("sel_event")).toList(),
                "the " + historicCritical + " critical events read by first polls are history, not news");
    }

    @Test
    @Order(3)
    void aFailingFanFiresOncePerChannelStaysQuietThenResolvesOnce() {
        SimulatedBmc bmc = bmc("normal");
        // FAN2 to 400 RPM: the BMC logs Lower Non-critical and Lower Critical going low
        simConsole(bmc, "sensor_set_value 0x20 0 0x11 4 1");
        collectNow(bmc);
        JsonObject critical = awaitAlert(a -> a.getString("summary").equals(bmc.name() + ": Lower Critical going low | Asserted [FAN2]"), 60);
        assertEquals("critical", critical.getString("severity"));
        assertEquals("sel_event", critical.getString("rule"));
        JsonObject warning = awaitAlert(a -> a.getString("summary").equals(bmc.name() + ": Lower Non-critical going low | Asserted [FAN2]"), 30);
        assertEquals("warning", warning.getString("severity"));
        JsonObject sensor = awaitAlert(a -> a.getString("rule").equals("sensor_critical")
                && a.getString("summary").startsWith(bmc.name() + ": sensor FAN2 is critical"), 30);
        List<JsonObject> fan = List.of(critical, warning, sensor);

        awaitAllSent(fan, "fire");
        for (JsonObject alert : fan) {
            assertEquals(1, genericNotices(alert, "firing").size(), "generic notices of " + alert);
            assertEquals(1, alertmanagerNotices(alert, false).size(), "alertmanager notices of " + alert);
            assertEquals(1, mails("[FIRING " + alert.getString("severity").toUpperCase() + "] " + alert.getString("summary")).size(),
                    "mails of " + alert + ": " + smtp.mails().stream().map(SmtpSink.Mail::subject).toList());
        }
        assertEquals(WEBHOOK_TOKEN, genericNotices(critical, "firing").get(0).authorization());
        JsonObject am = alertmanagerNotices(critical, false).get(0);
        JsonObject labels = am.getJsonObject("labels");
        assertEquals("IpmiSelEvent", labels.getString("alertname"));
        assertEquals("critical", labels.getString("severity"));
        assertEquals(bmc.host(), labels.getString("instance"));
        assertEquals(bmc.name(), labels.getString("server"));
        assertEquals(critical.getString("summary"), am.getJsonObject("annotations").getString("summary"));
        Instant.parse(am.getString("startsAt"));
        assertFalse(am.containsKey("endsAt"));
        assertEquals("http://127.0.0.1:" + APP_PORT + "/alerts", am.getString("generatorURL"));
        SmtpSink.Mail mail = mails("[FIRING CRITICAL] " + critical.getString("summary")).get(0);
        assertEquals(List.of("ops@it.test", "oncall@it.test"), mail.to());
        assertEquals("alerts:" + SMTP_PASSWORD, mail.login(), "SMTP_USER / SMTP_PASSWORD used to sign in");

        Map<String, Integer> before = noticeCounts();
        String lastSuccess = server(bmc).getString("last_success");
        collectNow(bmc);
        ItEnvironment.await("a second poll", 30, () -> !server(bmc).getString("last_success").equals(lastSuccess));
        String secondSuccess = server(bmc).getString("last_success");
        collectNow(bmc);
        ItEnvironment.await("a third poll", 30, () -> !server(bmc).getString("last_success").equals(secondSuccess));
        awaitAnEvaluationAndItsDeliveries();
        assertEquals(before, noticeCounts(), "the next polls repeat nothing");

        simConsole(bmc, "sensor_set_value 0x20 0 0x11 86 1");
        collectNow(bmc);
        for (JsonObject alert : fan) {
            awaitAlert(a -> a.getInt("id") == alert.getInt("id") && a.getString("state").equals("resolved"), 60);
        }
        awaitAllSent(fan, "resolve");
        for (JsonObject alert : fan) {
            assertEquals(1, genericNotices(alert, "resolved").size(), "generic resolved notices of " + alert);
            JsonObject resolved = alertmanagerNotices(alert, true).get(0);
            assertEquals(1, alertmanagerNotices(alert, true).size());
            assertTrue(Instant.parse(resolved.getString("endsAt")).isAfter(Instant.parse(resolved.getString("startsAt")).minusSeconds(1)));
            assertEquals(1, mails("[RESOLVED] " + alert.getString("summary")).size(), "resolved mails of " + alert);
        }
    }

    @Test
    @Order(4)
    void nothingIsSentAgainAfterARestart() throws IOException {
        Map<String, Integer> before = noticeCounts();
        long alertsBefore = alerts().size();
        app.stop();
        app = AppProcess.start(work.resolve("app"), APP_PORT, env);
        awaitAnEvaluationAndItsDeliveries(); // of the new process
        assertEquals(alertsBefore, alerts().size(), "no alert opened twice after the restart");
        assertEquals(before, noticeCounts(), "no notice sent twice after the restart");
    }

    @Test
    @Order(5)
    void aReceiverThatFailsIsRetriedAndGetsEachNoticeOnce() {
        List<WebhookReceiver.Received> all = receiver.all(FLAKY_PATH);
        assertEquals(2, all.stream().filter(r -> r.answered() == 500).count(), "the first two requests failed");
        Map<String, Long> accepted = receiver.accepted(FLAKY_PATH).stream()
                .collect(Collectors.groupingBy(r -> key(Json.object(r.body())), Collectors.counting()));
        assertTrue(accepted.size() >= 4, accepted.toString());
        accepted.forEach((notice, n) -> assertEquals(1L, n, notice + " accepted more than once"));
        boolean retried = alerts().stream().flatMap(a -> a.getJsonArray("deliveries").stream().map(v -> v.asJsonObject()))
                .anyMatch(d -> d.getString("channel").equals("flaky") && d.getString("status").equals("sent")
                        && d.getInt("attempts") >= 2);
        assertTrue(retried, "a delivery shows its retries");
    }

    @Test
    @Order(6)
    void anAdminAcknowledgesAnAlertAndEveryoneSeesIt() {
        JsonObject alert = alerts().stream().filter(a -> a.getString("bmc_ip").equals(bmc("unreachable").host())).findFirst().orElseThrow();
        String path = "/api/alerts/" + alert.getInt("id") + "/ack";
        assertEquals(401, post(path, "", false).statusCode());
        var acked = post(path, "", true);
        assertEquals(200, acked.statusCode(), acked.body());
        assertEquals("admin", Json.object(acked.body()).getString("acknowledged_by"));
        JsonObject seen = alerts().stream().filter(a -> a.getInt("id") == alert.getInt("id")).findFirst().orElseThrow();
        assertEquals("admin", seen.getString("acknowledged_by"));
        assertFalse(seen.isNull("acknowledged_at"));
        assertEquals("firing", seen.getString("state"), "acknowledging does not resolve");
        var unknown = post("/api/alerts/999999/ack", "", true);
        assertEquals(404, unknown.statusCode());
        assertTrue(Json.object(unknown.body()).getString("error").contains("999999"));
        assertEquals(404, post("/api/alerts/abc/ack", "", true).statusCode());
        assertEquals(400, get("/api/alerts?state=sideways", false).statusCode());
        String page = get("/alerts", false).body();
        assertTrue(page.contains(alert.getString("summary").replace("(", "(")), "the page lists the alert");
        assertFalse(page.contains("ack-alert"), "visitors get no Acknowledge button");
        assertFalse(page.contains("channels-form"), "visitors do not see the channels");
        String adminPage = get("/alerts", true).body();
        assertTrue(adminPage.contains("ack-alert") && adminPage.contains("channels-form"), "admins get both");
        assertFalse(adminPage.contains("secret-path") || adminPage.contains("it-webhook-token"));
    }

    @Test
    @Order(7)
    void aBmcThatStopsAnsweringAlertsAndOneThatAnswersAgainResolves() throws IOException {
        SimulatedBmc large = bmc("large-sel");
        stopSim(large);
        collectNow(large);
        // a poll under way when the BMC went away waits for each of its remaining commands in turn (about 2 s each
        // here) until the ipmitool timeout: that one ends TIMEOUT, a poll started after it UNREACHABLE
        JsonObject down = awaitAlert("bmc_unreachable", large, IPMITOOL_TIMEOUT_SECONDS + 60);
        assertTrue(down.getString("summary").contains("does not answer (UNREACHABLE)")
                || down.getString("summary").contains("does not answer (TIMEOUT)"), down.toString());

        SimulatedBmc wrong = bmc("wrong-password");
        String realPassword = Files.readString(work.resolve("fleet").resolve(wrong.name()).resolve("real_password")).strip();
        var changed = send(HttpRequest.newBuilder(URI.create(app.baseUrl() + "/api/servers/" + wrong.host()))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"ipmi_pass\":\"" + realPassword + "\"}")), true);
        assertEquals(200, changed.statusCode(), changed.body());
        collectNow(wrong);
        JsonObject authFailed = alerts().stream().filter(a -> a.getString("rule").equals("bmc_unreachable")
                && a.getString("bmc_ip").equals(wrong.host())).findFirst().orElseThrow();
        awaitAlert(a -> a.getInt("id") == authFailed.getInt("id") && a.getString("state").equals("resolved"), 60);
        awaitAllSent(List.of(authFailed), "resolve");
        assertEquals(1, genericNotices(authFailed, "resolved").size());
        assertEquals(1, mails("[RESOLVED] " + authFailed.getString("summary")).size());
    }

    @Test
    @Order(8)
    void testNoticesReachEachKindOfChannelAndAFailureSaysWhy() {
        int generic = receiver.accepted(SECRET_PATH).size();
        var sent = post("/api/alert-channels/" + channelIds.get("generic") + "/test", "", true);
        assertEquals(200, sent.statusCode(), sent.body());
        assertEquals(generic + 1, receiver.accepted(SECRET_PATH).size());
        JsonObject test = Json.object(receiver.accepted(SECRET_PATH).get(generic).body());
        assertTrue(test.getBoolean("test"));
        assertEquals(200, post("/api/alert-channels/" + channelIds.get("mail") + "/test", "", true).statusCode());
        assertEquals(1, smtp.mails().stream().filter(m -> m.subject().startsWith("[TEST] ")).count());

        var dead = post("/api/alert-channels", "{\"name\":\"dead\",\"type\":\"webhook\",\"url\":\"http://127.0.0.1:9/hook\"}", true);
        assertEquals(201, dead.statusCode(), dead.body());
        long deadId = Json.object(dead.body()).getJsonNumber("id").longValue();
        long t0 = System.nanoTime();
        var failed = post("/api/alert-channels/" + deadId + "/test", "", true);
        assertEquals(502, failed.statusCode(), failed.body());
        assertTrue(Json.object(failed.body()).getString("error").contains("127.0.0.1:9"), failed.body());
        assertTrue(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - t0) < 10, "bounded by the webhook timeout");
        assertEquals(204, send(HttpRequest.newBuilder(URI.create(app.baseUrl() + "/api/alert-channels/" + deadId)).DELETE(), true)
                .statusCode());
        assertEquals(404, send(HttpRequest.newBuilder(URI.create(app.baseUrl() + "/api/alert-channels/" + deadId)).DELETE(), true)
                .statusCode());
        assertEquals(404, post("/api/alert-channels/" + deadId + "/test", "", true).statusCode());
    }

    @Test
    @Order(9)
    void metricsCountFiringAlertsByRuleAndSeverity() {
        long firing = alerts().stream().filter(a -> a.getString("state").equals("firing")
                && a.getString("rule").equals("bmc_unreachable")).count();
        assertTrue(firing >= 2);
        ItEnvironment.await("ipmi_alerts_firing", 40, () -> get("/metrics", false).body().lines().anyMatch(l -> l.startsWith("ipmi_alerts_firing{")
                && l.contains("rule=\"bmc_unreachable\"") && l.contains("severity=\"critical\"") && l.endsWith(" " + firing)));
        assertTrue(get("/metrics", false).body().lines().anyMatch(l -> l.startsWith("ipmi_alerts_firing{")
                && l.contains("rule=\"sensor_critical\"") && l.endsWith(" 0")));
    }

    @Test
    @Order(10)
    void noSecretReachesTheLog() throws IOException {
        String log = Files.readString(app.log(), StandardCharsets.UTF_8);
        for (String secret : List.of("it-webhook-token", SMTP_PASSWORD, "secret-path-token", ADMIN_PASS)) {
            assertFalse(log.contains(secret), secret + " is in " + app.log());
        }
        assertTrue(log.contains("firing"), "alerts are logged (without secrets)");
    }

    @Test
    @Order(11)
    void thePageShowsAlertsToVisitorsAndLetsAnAdminAcknowledgeAndManageChannels() throws IOException {
        var browser = Browser.open(Files.createTempDirectory(work, "chromium"));
        try {
            var wait = Browser.waiting(browser, 20);
            browser.get(app.baseUrl() + "/alerts");
            wait.until(d -> !d.findElements(By.cssSelector(".alert-summary")).isEmpty());
            assertTrue(browser.findElements(By.cssSelector(".ack-alert")).isEmpty(), "no Acknowledge for visitors");
            assertTrue(browser.findElements(By.id("channels-form")).isEmpty(), "no channels for visitors");

            browser.get(app.baseUrl() + "/login?next=/alerts");
            browser.findElement(By.id("username")).sendKeys("admin");
            browser.findElement(By.id("password")).sendKeys(ADMIN_PASS);
            browser.findElement(By.id("login-button")).click();
            wait.until(d -> d.getCurrentUrl().endsWith("/alerts") && !d.findElements(By.cssSelector(".ack-alert")).isEmpty());
            // PrimeFaces gives the forms their CSP nonce when the page has loaded; a click before that is refused
            wait.until(d -> !d.findElements(By.cssSelector("#alerts-form input[name='primefaces.nonce']")).isEmpty());
            browser.findElements(By.cssSelector(".ack-alert")).get(0).click();
            wait.until(d -> alerts().stream().filter(a -> !a.isNull("acknowledged_by")).count() == 2); // API, then page
            wait.until(d -> d.findElements(By.cssSelector(".alert-acknowledged")).size() == 2);

            browser.findElement(By.id("channels-form:channel-name")).sendKeys("ui-hook");
            browser.findElement(By.id("channels-form:channel-url")).sendKeys("not a url");
            browser.findElement(By.id("channels-form:add-channel")).click();
            wait.until(d -> !d.findElements(By.id("form-problems")).isEmpty()
                    && d.findElement(By.id("form-problems")).getText().contains("url:"));
            var url = browser.findElement(By.id("channels-form:channel-url"));
            url.clear();
            url.sendKeys(receiver.url("/ui-hook/token"));
            browser.findElement(By.id("channels-form:add-channel")).click();
            wait.until(d -> d.findElements(By.cssSelector(".channel-name")).stream().anyMatch(e -> e.getText().equals("ui-hook")));
            assertTrue(browser.getPageSource().contains("/…"), "the page shows the URL without its path");
            assertFalse(browser.getPageSource().contains("ui-hook/token"));
            var row = browser.findElements(By.cssSelector("#channels-form\\:channel-table tbody tr")).stream()
                    .filter(r -> r.getText().contains("ui-hook")).findFirst().orElseThrow();
            row.findElement(By.cssSelector(".test-channel")).click();
            wait.until(d -> receiver.accepted("/ui-hook/token").size() == 1);
            Browser.screenshot(browser, work.resolve("alerts.png"));
            assertEquals(List.of(), Browser.policyViolations(browser));
        } finally {
            browser.quit();
        }
    }

    // ------------------------------------------------------------------ helpers

    /**
     * Waits for an evaluation of the rules that reads the alerts after this call, then for nothing to be left to
     * deliver. The evaluation is seen by a canary: an unreachable alert (without deliveries) for a server that
     * answers, which the next evaluation resolves; it is removed again, so the alerts are as they were.
     */
    private void awaitAnEvaluationAndItsDeliveries() {
        long server = number("select id from server where bmc_ip = '" + bmc("normal").host() + "'");
        long canary = number("insert into alert (rule, severity, server_id, fingerprint, summary, state, started_at)"
                + " values ('BMC_UNREACHABLE', 'CRITICAL', " + server + ", 'unreachable:" + server + "', 'canary',"
                + " 'FIRING', now()) returning id");
        ItEnvironment.await("an evaluation of the rules", 60,
                () -> number("select count(*) from alert where id = " + canary + " and state = 'RESOLVED'") == 1);
        number("with gone as (delete from alert where id = " + canary + " returning id) select count(*) from gone");
        ItEnvironment.await("every notice delivered", 60, () -> number("select count(*) from alert_delivery"
                + " where status in ('PENDING', 'SENDING')") == 0);
    }

    private long number(String sql) {
        try (var db = java.sql.DriverManager.getConnection(postgres.jdbcUrl("alerting_it"), "ipmimon", "ipmimon");
             var rs = db.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, Integer> noticeCounts() {
        Map<String, Integer> counts = new HashMap<>();
        counts.put("generic", receiver.accepted(SECRET_PATH).size());
        counts.put("alertmanager", receiver.accepted(AM_PATH).size());
        counts.put("flaky", receiver.all(FLAKY_PATH).size());
        counts.put("mail", smtp.mails().size());
        return counts;
    }

    /** "alert id/status" of a generic notice. */
    private static String key(JsonObject generic) {
        return generic.getJsonObject("alert").getInt("id") + "/" + generic.getString("status");
    }

    private List<WebhookReceiver.Received> genericNotices(JsonObject alert, String status) {
        return receiver.accepted(SECRET_PATH).stream()
                .filter(r -> key(Json.object(r.body())).equals(alert.getInt("id") + "/" + status)).toList();
    }

    private List<JsonObject> alertmanagerNotices(JsonObject alert, boolean resolved) {
        return receiver.accepted(AM_PATH).stream().map(r -> Json.array(r.body()))
                .peek(a -> assertEquals(1, a.size()))
                .map(a -> a.getJsonObject(0))
                .filter(a -> a.getJsonObject("labels").getString("alert_id").equals(String.valueOf(alert.getInt("id")))
                        && a.containsKey("endsAt") == resolved).toList();
    }

    private List<SmtpSink.Mail> mails(String subject) {
        return smtp.mails().stream().filter(m -> m.subject().equals(subject)).toList();
    }

    private void awaitAllSent(List<JsonObject> alerts, String kind) {
        ItEnvironment.await("every " + kind + " notice sent", 60, () -> {
            var now = alerts();
            return alerts.stream().allMatch(alert -> now.stream().filter(a -> a.getInt("id") == alert.getInt("id")).findFirst()
                    .map(a -> a.getJsonArray("deliveries").stream().map(v -> v.asJsonObject())
                            .filter(d -> d.getString("kind").equals(kind)).filter(d -> d.getString("status").equals("sent"))
                            .count() == 4).orElse(false));
        });
    }

    private JsonObject awaitAlert(String rule, SimulatedBmc bmc, int seconds) {
        return awaitAlert(a -> a.getString("rule").equals(rule) && a.getString("bmc_ip").equals(bmc.host())
                && a.getString("state").equals("firing"), seconds);
    }

    private JsonObject awaitAlert(Predicate<JsonObject> match, int seconds) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            var found = alerts().stream().filter(match).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            ItEnvironment.sleep(500);
        }
        throw new AssertionError("no matching alert within " + seconds + " s: " + alerts());
    }

    private List<JsonObject> alerts() {
        var response = get("/api/alerts?limit=1000", false);
        assertEquals(200, response.statusCode(), response.body());
        return Json.array(response.body()).stream().map(v -> v.asJsonObject()).toList();
    }

    private JsonObject server(SimulatedBmc bmc) {
        return Json.serverByBmcIp(Json.array(get("/api/servers", false).body()), bmc.host()).orElseThrow();
    }

    private SimulatedBmc bmc(String note) {
        return fleet.stream().filter(b -> b.note().contains(note)).findFirst().orElseThrow(() -> new AssertionError(note));
    }

    private void collectNow(SimulatedBmc bmc) {
        assertEquals(202, post("/api/collect?bmc_ip=" + bmc.host(), "", true).statusCode());
    }

    private void addChannel(String name, String json) {
        var response = post("/api/alert-channels", json, true);
        assertEquals(201, response.statusCode(), response.body());
        channelIds.put(name, Json.object(response.body()).getJsonNumber("id").longValue());
    }

    private HttpResponse<String> get(String path, boolean asAdmin) {
        return send(HttpRequest.newBuilder(URI.create(app.baseUrl() + path)).GET(), asAdmin);
    }

    private HttpResponse<String> post(String path, String json, boolean asAdmin) {
        return send(HttpRequest.newBuilder(URI.create(app.baseUrl() + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)), asAdmin);
    }

    private HttpResponse<String> send(HttpRequest.Builder request, boolean asAdmin) {
        if (asAdmin) {
            request.header("Authorization", ItEnvironment.basicAuth("admin", ADMIN_PASS));
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

    private List<SimulatedBmc> startFleet() throws IOException {
        Path fleetDir = work.resolve("fleet");
        ItEnvironment.run(Map.of("FLEET_DIR", fleetDir.toString(), "SIM_NET", SIM_NET), Duration.ofMinutes(3), projectDir.resolve("src/test/bmcsim/fleet.sh").toString(),
                "start", "3");
        return SimulatedBmc.fromInventory(Files.readString(fleetDir.resolve("inventory.tsv")));
    }

    /** Stops one simulated BMC by the pid fleet.sh recorded (only if it is that ipmi_sim). */
    private void stopSim(SimulatedBmc bmc) throws IOException {
        Path pidFile = work.resolve("fleet").resolve(bmc.name()).resolve("sim.pid");
        long pid = Long.parseLong(Files.readString(pidFile).strip());
        ProcessHandle sim = ProcessHandle.of(pid).filter(p -> p.info().command().map(c -> c.endsWith("ipmi_sim")).orElse(false))
                .orElseThrow(() -> new AssertionError("no ipmi_sim with pid " + pid));
        sim.destroy();
        sim.onExit().orTimeout(10, TimeUnit.SECONDS).join();
    }

    private void simConsole(SimulatedBmc bmc, String command) {
        try {
            ItEnvironment.run(Map.of(), Duration.ofMinutes(3), "python3", projectDir.resolve("src/test/bmcsim/simctl.py").toString(),
                    "--host", bmc.host(), "--port", String.valueOf(bmc.consolePort()), command);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

}
