package com.ipmimonitor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ipmimonitor.database.control.PostgresCluster;
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
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Sign-in through an OpenID Connect provider: the built uber-jar with OIDC_* settings against FakeOidcProvider
 * (loopback, its own key), browser hops followed one by one. Uses LdapIT's ports (app 18187, PostgreSQL 55437;
 * failsafe runs IT classes one after another), independent of ItEnvironment.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@HostLock.Holds("app-18187-pg-55437") // LdapIT uses the same ports
class OidcIT {

    private static final int APP_PORT = 18187;
    private static final int PG_PORT = 55437;
    private static final String CLIENT_ID = "ipmi-monitor";
    private static final String CLIENT_SECRET = "oidc-client-secret-never-logged";
    private static final String ADMIN_PASS = "oidc-it-builtin-admin";

    private final Path work = Path.of(System.getProperty("it.workDir", "target/it")).toAbsolutePath().resolve("oidc");
    private final Path pgDir = Path.of(System.getProperty("java.io.tmpdir"), "ipmimon-it-pg-" + PG_PORT);
    private final PostgresCluster postgres = new PostgresCluster(pgDir.resolve("data"), PG_PORT, "ipmimon", "ipmimon");
    private FakeOidcProvider provider;
    private AppProcess app;

    @BeforeAll
    void start() throws IOException {
        deleteRecursively(work);
        // a cluster left by an earlier run carries that run's schema history (Flyway would refuse a changed migration)
        ItEnvironment.deleteRecursively(pgDir);
        Files.createDirectories(pgDir);
        pgDir.toFile().setExecutable(true, false);
        provider = FakeOidcProvider.start(CLIENT_ID, CLIENT_SECRET);
        postgres.start("oidc_it", "-c fsync=off -c synchronous_commit=off");
        Map<String, String> env = new HashMap<>(Map.of(
                "DB_URL", postgres.jdbcUrl("oidc_it"), "DB_USER", "ipmimon", "DB_PASSWORD", "ipmimon",
                "DATA_DIR", work.resolve("app-data").toString(),
                "ADMIN_USER", "admin", "ADMIN_PASS", ADMIN_PASS, "SECRET_KEY", "oidc-it-secret-key"));
        env.putAll(Map.of("OIDC_PROVIDER_URI", provider.issuer(), "OIDC_CLIENT_ID", CLIENT_ID,
                "OIDC_CLIENT_SECRET", CLIENT_SECRET, "OIDC_ADMIN_GROUPS", "ipmi-admins"));
        app = AppProcess.start(work.resolve("app"), APP_PORT, env);
    }

    @AfterAll
    void stop() {
        if (app != null) {
            app.stop();
        }
        if (provider != null) {
            provider.close();
        }
        postgres.stop();
    }

    @Test
    void theSignInPageOffersTheProviderAndKeepsTheNextPage() {
        var page = send(browser(), "/login?next=%2Fsettings");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("id=\"oidc-sign-in\""), page.body());
        assertTrue(page.body().contains("href=\"/login/oidc?next=%2Fsettings\""), page.body());
    }

    @Test
    void anAdminGroupMemberSignsInThroughTheProviderAndReachesTheAdminPagesAndApi() {
        HttpClient browser = browser();
        provider.signInAs("alice", "staff", "ipmi-admins");
        // an admin page sends the visitor to the provider (via /login/oidc), and back to that page afterwards
        var page = send(browser, "/settings.xhtml");
        assertEquals(302, page.statusCode());
        assertEquals("/login/oidc?next=/settings.xhtml", path(location(page)));
        URI toProvider = URI.create(location(send(browser, path(location(page)))));
        assertTrue(toProvider.toString().startsWith(provider.issuer() + "/authorize?"), toProvider.toString());
        assertTrue(toProvider.getRawQuery().contains("redirect_uri=" + URLEncoder.encode(app.baseUrl() + "/login/oidc/callback",
                StandardCharsets.UTF_8)), toProvider.toString());
        URI callback = URI.create(location(sendAbsolute(browser, toProvider)));
        assertEquals("/login/oidc/callback", callback.getPath());
        var signedIn = sendAbsolute(browser, callback);
        assertEquals(302, signedIn.statusCode());
        assertEquals("/settings.xhtml", path(location(signedIn)));

        var status = Json.object(send(browser, "/api/auth/status").body());
        assertTrue(status.getBoolean("is_admin"), status.toString());
        assertEquals("alice", status.getString("username"));
        assertEquals(200, send(browser, "/api/servers/export").statusCode());
        int settings = send(browser, "/settings.xhtml").statusCode();
        // past the security constraint: neither sent to sign in nor forbidden (the page may not exist yet)
        assertTrue(settings != 302 && settings != 401 && settings != 403, "settings page: " + settings);
    }

    @Test
    void otherUsersOfTheProviderAreSignedInWithoutTheAdminRole() {
        HttpClient browser = browser();
        provider.signInAs("bob", "staff");
        assertEquals("/", path(location(signIn(browser))));
        var status = Json.object(send(browser, "/api/auth/status").body());
        assertEquals("bob", status.getString("username"));
        assertFalse(status.getBoolean("is_admin"));
        assertEquals(403, send(browser, "/api/servers/export").statusCode());
        assertEquals(403, send(browser, "/settings.xhtml").statusCode());
    }

    @Test
    void anAnswerWithAForgedStateIsRefusedAndTheAttemptIsUsedUp() {
        HttpClient browser = browser();
        provider.signInAs("alice", "ipmi-admins");
        URI callback = URI.create(location(sendAbsolute(browser, URI.create(location(send(browser, "/login/oidc"))))));
        String code = callback.getRawQuery().replaceAll(".*code=([^&]*).*", "$1");
        var forged = send(browser, "/login/oidc/callback?code=" + code + "&state=forged");
        assertEquals("/login?error", path(location(forged)));
        // the genuine answer afterwards finds no attempt any more
        assertEquals("/login?error", path(location(sendAbsolute(browser, callback))));
        assertAnonymous(browser);
    }

    @Test
    void anAnswerForAnotherBrowserIsRefused() {
        // login CSRF: an attacker's own valid callback URL, opened in the victim's browser
        HttpClient attacker = browser();
        provider.signInAs("mallory", "ipmi-admins");
        URI callback = URI.create(location(sendAbsolute(attacker, URI.create(location(send(attacker, "/login/oidc"))))));
        HttpClient victim = browser();
        assertEquals("/login?error", path(location(sendAbsolute(victim, callback))));
        assertAnonymous(victim);
    }

    @Test
    void aTokenSignedByAnotherKeyIsRefused() throws IOException {
        HttpClient browser = browser();
        provider.signInAs("alice", "ipmi-admins");
        provider.forgeNextToken();
        assertEquals("/login?error", path(location(signIn(browser))));
        assertAnonymous(browser);
        assertTrue(java.util.regex.Pattern.compile("OIDC sign-in failed: the ID token \\(alg RS256, key [^)]+\\) is refused: "
                + "Signed JWT rejected: Invalid signature").matcher(Files.readString(work.resolve("app/app.log"))).find());
    }

    @Test
    void afterTheProviderRotatesItsKeyTheNewKeyIsFetchedButUnknownKeysDoNotHammerIt() throws IOException {
        provider.signInAs("alice", "ipmi-admins");
        assertEquals("/", path(location(signIn(browser())))); // the current key is known from here on
        provider.rotateKey("it-key-rotated");
        // a key set read in the last 10 s is not read again (ProviderKeys.REFRESH_PAUSE)
        ItEnvironment.sleep(11_000);
        int downloads = provider.keySetDownloads();
        HttpClient browser = browser();
        assertEquals("/", path(location(signIn(browser))), "signed in with a token of the rotated key");
        assertTrue(Json.object(send(browser, "/api/auth/status").body()).getBoolean("is_admin"));
        assertEquals(downloads + 1, provider.keySetDownloads(), "the key set was read once for the new key");

        provider.signNextWithUnknownKey("it-key-unknown");
        HttpClient other = browser();
        assertEquals("/login?error", path(location(signIn(other))));
        assertAnonymous(other);
        assertEquals(downloads + 1, provider.keySetDownloads(), "no new download within the pause");
        assertTrue(Files.readString(work.resolve("app/app.log")).contains("(alg RS256, key it-key-unknown) is refused: Signed JWT rejected: Another algorithm expected, or no matching key(s) found"));
    }

    @Test
    void aRefusalByTheProviderIsASignInError() {
        HttpClient browser = browser();
        provider.signInAs("alice", "ipmi-admins");
        provider.refuseNextSignIn();
        assertEquals("/login?error", path(location(signIn(browser))));
        assertAnonymous(browser);
    }

    @Test
    void theBuiltInAdminStillSignsInWithBasicAndTheForm() {
        assertEquals(200, sendAbsolute(HttpClient.newHttpClient(), URI.create(app.baseUrl() + "/api/servers/export"),
                "Authorization", ItEnvironment.basicAuth("admin", ADMIN_PASS)).statusCode());
        HttpClient browser = browser();
        var form = browser(browser, HttpRequest.newBuilder(URI.create(app.baseUrl() + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=admin&password=" + ADMIN_PASS + "&next=/")));
        assertEquals("/", path(location(form)));
        assertTrue(Json.object(send(browser, "/api/auth/status").body()).getBoolean("is_admin"));
    }

    @Test
    void secretsNeverReachTheLog() throws IOException {
        provider.signInAs("carol", "ipmi-admins");
        signIn(browser());
        String log = Files.readString(work.resolve("app/app.log"));
        assertTrue(log.contains("sign-in through OpenID Connect provider " + provider.issuer()), "the settings are logged at startup");
        assertFalse(log.contains(CLIENT_SECRET), "the client secret reached the log");
        assertFalse(log.contains("eyJ"), "a token reached the log");
    }

    // ------------------------------------------------------------------ helpers

    /** The whole round trip from /login/oidc; returns the app's last answer (the redirect after the callback). */
    private HttpResponse<String> signIn(HttpClient browser) {
        URI toProvider = URI.create(location(send(browser, "/login/oidc")));
        URI callback = URI.create(location(sendAbsolute(browser, toProvider)));
        return sendAbsolute(browser, callback);
    }

    private void assertAnonymous(HttpClient browser) {
        var status = Json.object(send(browser, "/api/auth/status").body());
        assertTrue(status.isNull("username"), status.toString());
    }

    private static HttpClient browser() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager()).connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    private HttpResponse<String> send(HttpClient browser, String path) {
        return sendAbsolute(browser, URI.create(app.baseUrl() + path));
    }

    private static HttpResponse<String> sendAbsolute(HttpClient browser, URI uri, String... headers) {
        var request = HttpRequest.newBuilder(uri).GET();
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return browser(browser, request);
    }

    private static HttpResponse<String> browser(HttpClient browser, HttpRequest.Builder request) {
        try {
            return browser.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String location(HttpResponse<?> response) {
        return response.headers().firstValue("Location")
                .orElseThrow(() -> new AssertionError("no redirect: " + response.statusCode() + " " + response.body()));
    }

    /** Path and query of an absolute or relative address. */
    private static String path(String location) {
        return location.replaceFirst("^https?://[^/]+", "");
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
