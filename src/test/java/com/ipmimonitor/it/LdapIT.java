package com.ipmimonitor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ipmimonitor.database.control.PostgresCluster;
import com.ipmimonitor.security.control.LdapCaller;
import com.ipmimonitor.security.control.LdapLogin;
import com.ipmimonitor.security.control.LdapSettings;
import com.ipmimonitor.security.control.LdapUnavailableException;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Sign-in through a real LDAP directory: a throwaway slapd seeded with users and groups, the built uber-jar
 * started with LDAP_* settings (ldaps://, the test CA given to the JVM as an operator would) on a PostgreSQL
 * of this test's own. Plain ldap:// is checked directly through LdapLogin. Ports of its own (app 18187,
 * PostgreSQL 55437, slapd 38989 ldap and 38990 ldaps), independent of ItEnvironment, so it can run beside
 * the other ITs.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@HostLock.Holds("app-18187-pg-55437") // OidcIT uses the same ports
class LdapIT {

    private static final int APP_PORT = 18187;
    private static final int PG_PORT = 55437;
    private static final int LDAP_PORT = 38989;
    private static final int LDAPS_PORT = 38990;
    private static final String SUFFIX = "dc=ipmimon,dc=test";
    private static final String ADMIN_PASS = "ldap-it-builtin-admin";
    private static final String READER_PASS = "reader-secret-never-logged";
    private static final String ALICE_PASS = "alice-secret-never-logged";
    private static final String BOB_PASS = "bob-secret-never-logged";
    private static final String EVE_PASS = "eve-secret-never-logged";
    private static final String TWIN_PASS = "twin-secret";

    private final Path work = Path.of(System.getProperty("it.workDir", "target/it")).toAbsolutePath().resolve("ldap");
    // outside the checkout: under root, PostgreSQL runs as "postgres", which must reach its data directory
    private final Path pgDir = Path.of(System.getProperty("java.io.tmpdir"), "ipmimon-it-pg-" + PG_PORT);
    private final PostgresCluster postgres = new PostgresCluster(pgDir.resolve("data"), PG_PORT, "ipmimon", "ipmimon");
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private Slapd slapd;
    private AppProcess app;
    private final Map<String, String> appEnv = new HashMap<>();

    @BeforeAll
    void start() throws IOException {
        // a Payara root directory left from an earlier run would deploy the old application a second time
        deleteRecursively(work.resolve("app"));
        deleteRecursively(work.resolve("misconfigured"));
        // a cluster left by an earlier run carries that run's schema history (Flyway would refuse a changed migration)
        ItEnvironment.deleteRecursively(pgDir);
        Files.createDirectories(pgDir);
        pgDir.toFile().setExecutable(true, false);
        slapd = Slapd.start(work.resolve("slapd"), LDAP_PORT, LDAPS_PORT, SUFFIX, seed());
        Path trustStore = trustStoreWith(slapd.certificate());
        postgres.start("ldap_it", "-c fsync=off -c synchronous_commit=off");
        Map<String, String> env = appEnv;
        env.putAll(Map.of(
                "DB_URL", postgres.jdbcUrl("ldap_it"), "DB_USER", "ipmimon", "DB_PASSWORD", "ipmimon",
                "DATA_DIR", work.resolve("app-data").toString(),
                "ADMIN_USER", "admin", "ADMIN_PASS", ADMIN_PASS, "SECRET_KEY", "ldap-it-secret-key"));
        env.putAll(Map.of(
                "LDAP_URL", "ldaps://127.0.0.1:" + LDAPS_PORT,
                "LDAP_BIND_DN", "cn=reader,ou=services," + SUFFIX, "LDAP_BIND_PASSWORD", READER_PASS,
                "LDAP_USER_BASE", "ou=people," + SUFFIX,
                "LDAP_GROUP_BASE", "ou=groups," + SUFFIX,
                // one group by name, one by DN
                "LDAP_ADMIN_GROUPS", "superusers;cn=ipmi-admins,ou=groups," + SUFFIX,
                "LDAP_CONNECT_TIMEOUT", "2", "LDAP_READ_TIMEOUT", "2"));
        // as README says for a private CA (Payara Micro copies the file into its runtime directory)
        // these tests sign in wrongly on purpose, many times: throttling (tested in SecurityIT) must not lock them out
        env.put("LOGIN_MAX_FAILURES", "1000");
        env.put("JAVA_TOOL_OPTIONS", "-Djavax.net.ssl.trustStore=" + trustStore);
        app = AppProcess.start(work.resolve("app"), APP_PORT, env);
    }

    @AfterAll
    void stop() throws IOException {
        if (app != null) {
            app.stop();
        }
        if (slapd != null) {
            slapd.close();
        }
        postgres.stop();
    }

    /** alice: admin through the group named by DN; eve: through the group named by name, with a DN full of filter syntax. */
    private static String seed() {
        return """
                dn: %1$s
                objectClass: dcObject
                objectClass: organization
                o: IPMI Monitor test
                dc: ipmimon

                dn: ou=people,%1$s
                objectClass: organizationalUnit
                ou: people

                dn: ou=groups,%1$s
                objectClass: organizationalUnit
                ou: groups

                dn: ou=services,%1$s
                objectClass: organizationalUnit
                ou: services

                dn: cn=reader,ou=services,%1$s
                objectClass: person
                cn: reader
                sn: reader
                userPassword: %2$s

                %3$s
                %4$s
                %5$s
                %6$s
                %7$s
                dn: cn=ipmi-admins,ou=groups,%1$s
                objectClass: groupOfNames
                cn: ipmi-admins
                member: uid=alice,ou=people,%1$s

                dn: cn=superusers,ou=groups,%1$s
                objectClass: groupOfNames
                cn: superusers
                member: cn=Eve (Ops)*,ou=people,%1$s

                dn: cn=ipmi-users,ou=groups,%1$s
                objectClass: groupOfNames
                cn: ipmi-users
                member: uid=bob,ou=people,%1$s
                member: uid=alice,ou=people,%1$s
                """.formatted(SUFFIX, Slapd.ssha(READER_PASS),
                person("uid=alice", "alice", ALICE_PASS), person("uid=bob", "bob", BOB_PASS),
                person("cn=Eve (Ops)*", "eve", EVE_PASS),
                // two entries with one uid: ambiguous, so neither may sign in
                person("cn=twin one", "twin", TWIN_PASS), person("cn=twin two", "twin", TWIN_PASS));
    }

    private static String person(String rdn, String uid, String password) {
        String cn = rdn.substring(rdn.indexOf('=') + 1);
        return """
                dn: %s,ou=people,%s
                objectClass: inetOrgPerson
                cn: %s
                sn: %s
                uid: %s
                userPassword: %s
                """.formatted(rdn, SUFFIX, cn, uid, uid, Slapd.ssha(password));
    }

    // ------------------------------------------------------------------ HTTP Basic

    @Test
    void memberOfTheAdminGroupNamedByDnIsAdminWithBasic() {
        assertEquals(200, get("/api/servers/export", "alice", ALICE_PASS).statusCode());
        var status = Json.object(get("/api/auth/status", "alice", ALICE_PASS).body());
        assertTrue(status.getBoolean("is_admin"), status.toString());
        assertEquals("alice", status.getString("username"));
    }

    @Test
    void memberOfTheAdminGroupNamedByNameIsAdminEvenWithFilterSyntaxInItsDn() {
        // the group search puts eve's DN "cn=Eve (Ops)*,..." into (member={0}); unescaped it would not match
        var response = get("/api/servers/export", "eve", EVE_PASS);
        assertEquals(200, response.statusCode(), response.body());
    }

    @Test
    void directoryUserOutsideTheAdminGroupsIsSignedInButForbidden() {
        var status = Json.object(get("/api/auth/status", "bob", BOB_PASS).body());
        assertEquals("bob", status.getString("username"));
        assertFalse(status.getBoolean("is_admin"));
        assertEquals(403, get("/api/servers/export", "bob", BOB_PASS).statusCode());
        var collect = send(HttpRequest.newBuilder(uri("/api/collect")).header("Authorization", ItEnvironment.basicAuth("bob", BOB_PASS))
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertEquals(403, collect.statusCode(), collect.body());
    }

    @ParameterizedTest
    @ValueSource(strings = {"wrong", "alice-secret-never-logge", "ALICE-SECRET-NEVER-LOGGED"})
    void wrongPasswordIs401(String password) {
        assertEquals(401, get("/api/servers/export", "alice", password).statusCode());
    }

    @Test
    void emptyPasswordIs401() {
        // LDAP would accept an empty password as an anonymous bind
        assertEquals(401, get("/api/servers/export", "alice", "").statusCode());
    }

    @Test
    void unknownUserAndAmbiguousUserAre401() {
        assertEquals(401, get("/api/servers/export", "nobody", ALICE_PASS).statusCode());
        assertEquals(401, get("/api/servers/export", "twin", TWIN_PASS).statusCode());
    }

    @ParameterizedTest
    @ValueSource(strings = {"*", "ali*", "*lice", "alice)(uid=*", "admin)(uid=*", "*)(|(uid=*", "alice)(|(objectClass=*"})
    void filterInjectionIs401(String username) {
        // "ali*" with alice's password would find alice and bind as her if the name went into the filter as typed
        assertEquals(401, get("/api/servers/export", username, ALICE_PASS).statusCode());
    }

    @Test
    void serviceAccountIsNotAUser() {
        assertEquals(401, get("/api/servers/export", "reader", READER_PASS).statusCode());
    }

    @Test
    void builtInAdminStillWorks() {
        assertEquals(200, get("/api/servers/export", "admin", ADMIN_PASS).statusCode());
        assertEquals(401, get("/api/servers/export", "admin", ALICE_PASS).statusCode());
    }

    // ------------------------------------------------------------------ form login

    @Test
    void formLoginOfAnAdminGroupMemberGivesASessionThatReachesTheAdminPagesAndApi() throws Exception {
        HttpClient browser = browser();
        var login = formLogin(browser, "alice", ALICE_PASS, "/settings.xhtml");
        assertEquals(302, login.statusCode());
        assertEquals("/settings.xhtml", location(login));

        var status = Json.object(send(browser, HttpRequest.newBuilder(uri("/api/auth/status")).GET()).body());
        assertTrue(status.getBoolean("is_admin"), status.toString());
        assertEquals(200, send(browser, HttpRequest.newBuilder(uri("/api/servers/export")).GET()).statusCode());
        var page = send(browser, HttpRequest.newBuilder(uri("/settings.xhtml")).GET());
        // past the security constraint: neither sent to the login page nor forbidden (the page may not exist yet)
        assertTrue(page.statusCode() != 302 && page.statusCode() != 401 && page.statusCode() != 403,
                page.statusCode() + " " + page.headers().map());
    }

    @Test
    void formLoginOfOtherDirectoryUsersIsForbiddenOnTheAdminPages() throws Exception {
        HttpClient browser = browser();
        assertEquals("/", location(formLogin(browser, "bob", BOB_PASS, "/")));
        var status = Json.object(send(browser, HttpRequest.newBuilder(uri("/api/auth/status")).GET()).body());
        assertEquals("bob", status.getString("username"));
        assertEquals(403, send(browser, HttpRequest.newBuilder(uri("/settings.xhtml")).GET()).statusCode());
        assertEquals(403, send(browser, HttpRequest.newBuilder(uri("/api/servers/export")).GET()).statusCode());
    }

    @Test
    void failedFormLoginsGoBackToTheLoginPageWithoutSession() throws Exception {
        for (List<String> attempt : List.of(List.of("alice", "wrong"), List.of("alice", ""), List.of("ali*", ALICE_PASS),
                List.of("nobody", ALICE_PASS))) {
            HttpClient browser = browser();
            var login = formLogin(browser, attempt.get(0), attempt.get(1), "/");
            assertTrue(location(login).matches(".*/login\\?.*\\berror$"), attempt + ": " + location(login));
            var status = Json.object(send(browser, HttpRequest.newBuilder(uri("/api/auth/status")).GET()).body());
            assertTrue(status.isNull("username"), attempt + ": " + status);
        }
    }

    // ------------------------------------------------------------------ a directory that hangs, secrets

    @Test
    void hungDirectoryCostsTheReadTimeoutAndLeavesTheBuiltInAdminWorking() throws IOException {
        slapd.freeze();
        try {
            long start = System.nanoTime();
            assertEquals(401, get("/api/servers/export", "alice", ALICE_PASS).statusCode());
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertTrue(took.compareTo(Duration.ofSeconds(10)) < 0, "a sign-in against a hung directory took " + took);
            assertEquals(200, get("/api/servers/export", "admin", ADMIN_PASS).statusCode());
        } finally {
            slapd.thaw();
        }
        assertEquals(200, get("/api/servers/export", "alice", ALICE_PASS).statusCode());
        assertTrue(appLog().contains("LDAP sign-in not possible"), "the outage is logged");
    }

    @Test
    void passwordsNeverReachTheLog() throws IOException {
        get("/api/servers/export", "alice", ALICE_PASS);
        get("/api/servers/export", "bob", BOB_PASS);
        get("/api/servers/export", "eve", "eve-secret-never-logged-but-wrong");
        String log = appLog();
        assertTrue(log.contains("sign-in through LDAP ldaps://127.0.0.1:" + LDAPS_PORT), "the settings are logged at startup");
        for (String secret : List.of(READER_PASS, ALICE_PASS, BOB_PASS, "eve-secret-never-logged")) {
            assertFalse(log.contains(secret), "a password reached the log");
        }
    }

    // ------------------------------------------------------------------ plain ldap:// and certificates

    @Test
    void plainLdapWorksTheSame() {
        LdapLogin login = new LdapLogin(settings("ldap://127.0.0.1:" + LDAP_PORT));
        assertEquals(Optional.of(new LdapCaller("alice", "uid=alice,ou=people," + SUFFIX, true)),
                login.authenticate("alice", ALICE_PASS));
        assertEquals(Optional.of(new LdapCaller("bob", "uid=bob,ou=people," + SUFFIX, false)), login.authenticate("bob", BOB_PASS));
        assertTrue(login.authenticate("eve", EVE_PASS).orElseThrow().admin());
        assertEquals(Optional.empty(), login.authenticate("ali*", ALICE_PASS));
        assertEquals(Optional.empty(), login.authenticate("alice", ""));
    }

    @Test
    void anUntrustedCertificateIsRefused() {
        // this test JVM does not trust the test CA: the connection must fail instead of trusting anything
        LdapLogin login = new LdapLogin(settings("ldaps://127.0.0.1:" + LDAPS_PORT));
        var e = assertThrows(LdapUnavailableException.class, () -> login.authenticate("alice", ALICE_PASS));
        assertTrue(e.getMessage().contains("SSLHandshakeException"), e.getMessage());
    }

    private LdapSettings settings(String url) {
        Map<String, String> config = Map.of("ldap.url", url,
                "ldap.bind.dn", appEnv.get("LDAP_BIND_DN"), "ldap.bind.password", READER_PASS,
                "ldap.user.base", appEnv.get("LDAP_USER_BASE"), "ldap.group.base", appEnv.get("LDAP_GROUP_BASE"),
                "ldap.admin.groups", appEnv.get("LDAP_ADMIN_GROUPS"));
        return LdapSettings.from(name -> Optional.ofNullable(config.get(name))).orElseThrow();
    }

    /** A JKS trust store holding the test certificate (JKS: the JVM reads its certificates without password). */
    private Path trustStoreWith(Path certificatePem) throws IOException {
        try (var pem = Files.newInputStream(certificatePem)) {
            var certificate = CertificateFactory.getInstance("X.509").generateCertificate(pem);
            KeyStore store = KeyStore.getInstance("JKS");
            store.load(null, null);
            store.setCertificateEntry("ldap-it", certificate);
            Path file = work.resolve("ldap-truststore.jks");
            try (var out = Files.newOutputStream(file)) {
                // "changeit": the JDK's well-known default, protecting nothing secret
                store.store(out, "changeit".toCharArray());
            }
            return file;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    // ------------------------------------------------------------------ settings that cannot work

    /** Last: it stops the app the other tests use. */
    @Test
    @Order(Integer.MAX_VALUE)
    void settingsThatCannotWorkFailTheDeploymentAndNameTheVariable() throws Exception {
        app.stop();
        app = null;
        Map<String, String> env = new HashMap<>(appEnv);
        env.remove("LDAP_USER_BASE");
        Path dir = work.resolve("misconfigured");
        AppProcess misconfigured = AppProcess.launch(dir, APP_PORT, env);
        try {
            String log = "";
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (!log.matches("(?s).*Payara Micro .* ready in .*") && System.nanoTime() < deadline) {
                ItEnvironment.sleep(500);
                log = Files.readString(misconfigured.log());
            }
            assertTrue(log.contains("LDAP_URL is set, LDAP_USER_BASE is not"), "the log names the missing setting");
            assertTrue(log.contains("Exception while loading the app"), "the deployment failed");
            // Payara Micro keeps running without the application (it answers 500): the health check fails
            var ready = send(HttpRequest.newBuilder(uri("/health/ready")).GET());
            assertNotEquals(200, ready.statusCode(), ready.body());
            assertNotEquals(200, get("/api/servers/export", "admin", ADMIN_PASS).statusCode());
        } finally {
            misconfigured.stop();
        }
    }

    // ------------------------------------------------------------------ helpers

    private String appLog() throws IOException {
        return Files.readString(work.resolve("app").resolve("app.log"));
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + APP_PORT + path);
    }

    private HttpResponse<String> get(String path, String user, String password) {
        return send(HttpRequest.newBuilder(uri(path)).header("Authorization", ItEnvironment.basicAuth(user, password)).GET());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        return send(http, request);
    }

    private static HttpClient browser() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager()).connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    private HttpResponse<String> formLogin(HttpClient browser, String user, String password, String next) {
        String form = "username=" + encode(user) + "&password=" + encode(password) + "&next=" + encode(next);
        return send(browser, HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    private static String location(HttpResponse<?> response) {
        // relative or absolute: compare the path
        String location = response.headers().firstValue("Location").orElse("");
        return location.replaceFirst("^https?://[^/]+", "");
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest.Builder request) {
        try {
            return client.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
