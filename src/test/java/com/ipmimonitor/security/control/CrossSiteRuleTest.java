package com.ipmimonitor.security.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The CSRF rule: writes only when no browser says another origin started them. */
class CrossSiteRuleTest {

    private static final String HOST = "127.0.0.1:8080";
    private final CrossSiteRule rule = new CrossSiteRule(List.of("", "https://ipmi.example.org/login/oidc/callback"));

    private static CrossSiteRule.Request post(String path, String secFetchSite, String origin, String contentType,
                                              String accept) {
        return new CrossSiteRule.Request("POST", path, "http", HOST, secFetchSite, origin, contentType, accept);
    }

    private boolean refused(CrossSiteRule.Request request) {
        return rule.refusal(request).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"cross-site", "same-site", "none", "", "bogus"})
    void aBrowserThatSaysTheRequestIsNotSameOriginIsRefused(String site) {
        assertTrue(refused(post("/api/collect", site, "http://127.0.0.1:8080", null, null)), site);
        assertTrue(refused(post("/login", site, null, "application/x-www-form-urlencoded", "text/html")), site);
    }

    @Test
    void sameOriginIsTakenWhateverTheBody() {
        assertFalse(refused(post("/api/servers/import", "same-origin", "http://127.0.0.1:8080", "text/plain", "text/html")));
        assertFalse(refused(post("/settings.xhtml", "Same-Origin", null, "multipart/form-data; boundary=x", "text/html")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.2:8080", "http://127.0.0.1:8081", "http://127.0.0.1", "https://127.0.0.1:8080",
            "null", "http://127.0.0.1:8080.evil.example", "http://evil.example", "", "http://user@127.0.0.1:8080"})
    void anotherOriginIsRefused(String origin) {
        // another port of the same host is the same site but not the same origin
        for (String method : List.of("POST", "PUT", "PATCH", "DELETE", "PROPFIND")) {
            var request = new CrossSiteRule.Request(method, "/api/servers/10.0.0.1", "http", HOST, null, origin,
                    "application/json", "*/*");
            assertTrue(refused(request), method + " from " + origin);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8080", "HTTP://127.0.0.1:8080", "http://127.0.0.1:8080/"})
    void theAppsOwnOriginIsTaken(String origin) {
        assertFalse(refused(post("/api/collect", null, origin, null, null)), origin);
    }

    @Test
    void defaultPortsAndIpv6HostsCompareAsOrigins() {
        var plain = new CrossSiteRule.Request("POST", "/api/collect", "http", "ipmi.lan", null, "http://ipmi.lan:80", null, null);
        assertFalse(refused(plain));
        var v6 = new CrossSiteRule.Request("POST", "/api/collect", "http", "[::1]:8080", null, "http://[::1]:8080", null, null);
        assertFalse(refused(v6));
        var otherV6 = new CrossSiteRule.Request("POST", "/api/collect", "http", "[::1]:8080", null, "http://[::2]:8080", null, null);
        assertTrue(refused(otherV6));
    }

    @Test
    void aConfiguredPublicAddressCountsAsOwnBehindAProxy() {
        // TLS ends at the proxy: the app sees http and the proxy's Host, the browser names the public origin
        var proxied = new CrossSiteRule.Request("POST", "/settings.xhtml", "http", "127.0.0.1:8080", null,
                "https://ipmi.example.org", "application/x-www-form-urlencoded", "text/html");
        assertFalse(refused(proxied));
        var other = new CrossSiteRule.Request("POST", "/settings.xhtml", "http", "127.0.0.1:8080", null,
                "https://evil.example.org", "application/x-www-form-urlencoded", "text/html");
        assertTrue(refused(other));
    }

    @Test
    void clientsThatAreNotBrowsersKeepWorking() {
        // curl -u ... -X POST, curl -H 'Content-Type: text/plain' --data-binary @servers.ini, scripts with JSON
        assertFalse(refused(post("/api/collect", null, null, null, "*/*")));
        assertFalse(refused(post("/api/servers/import", null, null, "text/plain", "*/*")));
        assertFalse(refused(post("/api/servers/add", null, null, "application/json", null)));
        assertFalse(refused(post("/api/clear_all_sel", null, null, "application/x-www-form-urlencoded", "*/*")));
        assertFalse(refused(post("/login", null, null, "application/x-www-form-urlencoded", null)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=b",
            "TEXT/PLAIN;charset=UTF-8"})
    void aFormSubmissionToTheApiThatNamesNoOriginIsRefused(String type) {
        String accept = "text/html,application/xhtml+xml,*/*;q=0.8";
        assertTrue(refused(post("/api/servers/import", null, null, type, accept)), type);
        assertTrue(refused(post("/api/server/10.0.0.1/clear_db_events", null, null, null, accept)));
        assertFalse(refused(post("/api/servers/add", null, null, "application/json", accept)), "JSON is no form");
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET", "HEAD", "OPTIONS", "get"})
    void readsAreNeverRefused(String method) {
        var request = new CrossSiteRule.Request(method, "/api/servers/export", "http", HOST, "cross-site", "null",
                "text/plain", "text/html");
        assertEquals(Optional.empty(), rule.refusal(request));
    }

    @Test
    void browsersAreToldApartFromScripts() {
        assertTrue(CrossSiteRule.fromBrowser("navigate", null, null));
        assertTrue(CrossSiteRule.fromBrowser(null, "http://127.0.0.1:8080", null));
        assertTrue(CrossSiteRule.fromBrowser(null, null, "text/html,application/xhtml+xml"));
        assertFalse(CrossSiteRule.fromBrowser(null, null, "*/*"), "curl");
        assertFalse(CrossSiteRule.fromBrowser(null, null, null), "java.net.http");
        assertFalse(CrossSiteRule.fromBrowser(null, null, "application/json"));
    }
}
