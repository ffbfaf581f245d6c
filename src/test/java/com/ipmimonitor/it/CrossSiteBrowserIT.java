package com.ipmimonitor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * CSRF in a real browser: a hostile page on another loopback address (another site) and one on another port of the
 * app's host (the same site, so a SameSite=Lax cookie goes along) auto-submit a text/plain form that would plant a
 * server through the INI import and an empty form that would delete a server's stored events, while the browser
 * holds the admin's Basic credentials or a form-login session. Nothing may change; the app's own pages still work.
 */
class CrossSiteBrowserIT extends InBrowser {

    /** The address the forged import would plant; never a server of the fleet. */
    private static final String PLANTED = "127.0.0.95";

    @AfterEach
    void removePlanted() {
        if (env.get("/api/servers/" + PLANTED).statusCode() == 200) {
            env.removeServer(PLANTED);
        }
    }

    @Test
    void withBasicCredentialsInTheBrowserForgedFormsChangeNothing() throws Exception {
        // the worst case of credentials a browser keeps: it sends the admin's Basic credentials with every request
        ChromeDriver chrome = (ChromeDriver) browser;
        chrome.executeCdpCommand("Network.enable", Map.of());
        chrome.executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers",
                Map.of("Authorization", ItEnvironment.basicAuth(ItEnvironment.ADMIN_USER, ItEnvironment.ADMIN_PASS))));
        browser.get(env.baseUrl() + "/");
        assertEquals(Boolean.TRUE, adminInThisBrowser(), "the browser sends the admin's credentials");

        attackFrom("127.0.0.2");
        attackFrom("127.0.0.1");
    }

    @Test
    void withAFormLoginSessionForgedFormsChangeNothingAndTheAppsOwnCallsWork() throws Exception {
        Browser.signIn(browser, env.baseUrl(), "/");
        assertEquals(Boolean.TRUE, adminInThisBrowser());

        attackFrom("127.0.0.1"); // another port of the same host: same site, the SameSite=Lax cookie goes along
        attackFrom("127.0.0.2");

        // the session still works for the app's own origin, a state-changing call included
        browser.get(env.baseUrl() + "/");
        assertEquals(202L, Browser.script(browser,
                "return fetch('/api/sensors/collect', {method: 'POST'}).then(r => r.status);"));
        assertEquals(Boolean.TRUE, adminInThisBrowser());
    }

    @Test
    void aBrowserIsNotAskedForBasicCredentialsSoItKeepsNone() {
        // the admin once opens an admin API address with credentials in it
        browser.get(env.baseUrl().replace("http://", "http://" + ItEnvironment.ADMIN_USER + ":" + ItEnvironment.ADMIN_PASS
                + "@") + "/api/alert-channels");
        String shown = browser.findElement(By.tagName("body")).getText();
        assertTrue(shown.contains("sign in at /login"), shown);
        browser.get(env.baseUrl() + "/");
        assertEquals(Boolean.FALSE, adminInThisBrowser(), "the browser kept the credentials for later requests");
        // scripts keep their challenge (wget, clients that answer one rather than sending credentials at once)
        var script = env.post("/api/collect", null, false);
        assertEquals(401, script.statusCode());
        assertTrue(script.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"), script.headers().toString());
    }

    /** The hostile pages of one loopback address submit their forms; the app must refuse both and change nothing. */
    private void attackFrom(String address) throws Exception {
        SimulatedBmc victim = env.fleet().stream().filter(b -> b.selEntries() > 0).findFirst().orElseThrow();
        awaitStoredEvents(victim);
        int events = storedEvents(victim);
        long servers = Json.array(env.get("/api/servers").body()).size();
        try (HostileSite site = new HostileSite(address)) {
            // text/plain encodes a field as name=value CRLF: this one is the INI "[csrf-planted]\r\nbmc_ip=127.0.0.95"
            submit(site.autoSubmitting("/import.html", env.baseUrl() + "/api/servers/import?format=ini", "text/plain",
                    "<input type=\"hidden\" name=\"[csrf-planted]&#10;bmc_ip\" value=\"" + PLANTED + "\">"), address);
            submit(site.autoSubmitting("/clear.html", env.baseUrl() + "/api/server/" + victim.host() + "/clear_db_events",
                    "application/x-www-form-urlencoded", ""), address);
        }
        assertEquals(404, env.get("/api/servers/" + PLANTED).statusCode(), "a page on " + address + " planted a server");
        assertEquals(servers, Json.array(env.get("/api/servers").body()).size());
        assertTrue(storedEvents(victim) >= events, "a page on " + address + " deleted stored events");
    }

    /** Opens the hostile page and waits until its form's answer from the app is shown: the refusal. */
    private void submit(String page, String from) {
        browser.get(page);
        Browser.waiting(browser, 20).until(d -> d.getCurrentUrl().startsWith(env.baseUrl())
                && "complete".equals(Browser.script(d, "return document.readyState;")));
        String shown = browser.findElement(By.tagName("body")).getText();
        assertTrue(shown.contains("refused"), from + " -> " + browser.getCurrentUrl() + ": " + shown);
        assertFalse(shown.contains("imported") || shown.contains("deleted_events"), shown);
    }

    private Object adminInThisBrowser() {
        return Browser.script(browser, "return fetch('/api/auth/status').then(r => r.json()).then(s => s.is_admin);");
    }

    private void awaitStoredEvents(SimulatedBmc bmc) {
        for (int i = 0; i < 120 && storedEvents(bmc) == 0; i++) {
            ItEnvironment.sleep(500);
        }
        assertTrue(storedEvents(bmc) > 0, "no events stored for " + bmc.host());
    }

    private int storedEvents(SimulatedBmc bmc) {
        return Json.array(env.get("/api/server/" + bmc.host() + "/events?limit=100000").body()).size();
    }
}
