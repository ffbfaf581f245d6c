package com.ipmimonitor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Issue 19 in headless chromium: the server page shows how a BMC is read and a changed Redfish certificate, which an
 * admin accepts there; the settings dialog sets protocol and CA bundle. Servers here: 127.0.0.62/63 (nothing listens).
 */
class RedfishSettingsBrowserIT extends InBrowser {

    private static final String PAGE_BMC = "127.0.0.62";
    private static final String FORM_BMC = "127.0.0.63";
    private static final String PINNED = "c3".repeat(32);
    private static final String PRESENTED = "d4".repeat(32);

    @AfterEach
    void forgetTestServers() {
        for (String ip : new String[] {PAGE_BMC, FORM_BMC}) {
            env.send(HttpRequest.newBuilder(URI.create(env.baseUrl() + "/api/servers/" + ip)).DELETE(), true);
        }
    }

    @Test
    void theServerPageShowsAChangedCertificateWithBothFingerprintsAndAnAdminAcceptsIt() throws Exception {
        assertEquals(201, env.post("/api/servers/add", "{\"bmc_ip\":\"" + PAGE_BMC + "\",\"server_name\":\"idrac-62\"}",
                true).statusCode());
        // through the API: the pages answer from a reading of the fleet that only this instance's writes renew at once
        assertEquals(200, env.send(HttpRequest.newBuilder(URI.create(env.baseUrl() + "/api/servers/" + PAGE_BMC))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"protocol\":\"redfish\"}")), true).statusCode());
        sql("insert into bmc_certificate (server_id, pinned_sha256, pinned_at, presented_sha256, presented_at)"
                + " select id, '" + PINNED + "', now() - interval '1 day', '" + PRESENTED + "', now()"
                + " from server where bmc_ip = '" + PAGE_BMC + "'");

        // a visitor sees the warning and both fingerprints, but no button
        browser.get(env.baseUrl() + "/server/" + PAGE_BMC);
        var wait = Browser.waiting(browser, 20);
        wait.until(d -> !d.findElements(By.id("certificate-changed")).isEmpty());
        assertEquals("redfish", browser.findElement(By.id("fact-protocol")).getText());
        assertTrue(text("certificate-pinned").startsWith("C3:C3:"), text("certificate-pinned"));
        assertTrue(text("certificate-presented").startsWith("D4:D4:"), text("certificate-presented"));
        assertTrue(browser.findElements(By.id("certificate-form:accept-certificate")).isEmpty());

        Browser.signIn(browser, env.baseUrl(), "/server/" + PAGE_BMC);
        wait.until(d -> d.findElement(By.id("certificate-form:accept-certificate")).isDisplayed());
        Browser.screenshot(browser, env.workDir().resolve("screenshots/certificate-changed.png"));
        browser.findElement(By.id("certificate-form:accept-certificate")).click();
        wait.until(d -> d.findElement(By.id("page-actions:confirm-yes")).isDisplayed());
        browser.findElement(By.id("page-actions:confirm-yes")).click();
        wait.until(d -> d.findElements(By.id("certificate-changed")).isEmpty());
        wait.until(d -> d.findElement(By.id("fact-certificate")).getText().startsWith("D4:D4:"));
        assertEquals(PRESENTED, queryOne("select pinned_sha256 from bmc_certificate c join server s on s.id = c.server_id"
                + " where s.bmc_ip = '" + PAGE_BMC + "'"));
        assertNull(queryOne("select presented_sha256 from bmc_certificate c join server s on s.id = c.server_id"
                + " where s.bmc_ip = '" + PAGE_BMC + "'"));
    }

    @Test
    void theSettingsDialogSetsProtocolAndAValidCaBundleAndAChangedProtocolIsProbedAgain() throws Exception {
        Browser.signIn(browser, env.baseUrl(), "/settings");
        var wait = Browser.waiting(browser, 20);
        wait.until(d -> d.findElement(By.id("settings-form:add-server")).isDisplayed());
        browser.findElement(By.id("settings-form:add-server")).click();
        wait.until(d -> d.findElement(By.id("server-dialog")).isDisplayed()
                && d.findElement(By.id("server-form-title")).getText().equals("Add a server"));
        type("server-form:bmc-ip", FORM_BMC);
        type("server-form:server-name", "ilo-63");
        choose("server-form:protocol", "Redfish (HTTPS)");
        type("server-form:ca-bundle", "my company's CA");
        browser.findElement(By.id("server-form:save-server")).click();
        wait.until(d -> d.findElement(By.id("form-problems")).getText().contains("ca_bundle must hold PEM certificates"));
        assertEquals(404, env.get("/api/servers/" + FORM_BMC).statusCode(), "a refused form writes nothing");

        String pem = Files.readString(env.projectDir().resolve("src/test/resources/redfish/tls/bmc-a.crt"));
        Browser.script(browser, "document.getElementById('server-form:ca-bundle').value = arguments[0]; return null;", pem);
        browser.findElement(By.id("server-form:save-server")).click();
        wait.until(d -> !d.findElement(By.id("server-dialog")).isDisplayed());
        assertEquals("redfish", queryOne("select protocol from server where bmc_ip = '" + FORM_BMC + "'"));
        assertEquals(pem.strip() + "\n", queryOne("select ca_bundle from server where bmc_ip = '" + FORM_BMC + "'"));

        // what an auto probe found, and when, is forgotten when the protocol changes (the V12_52 trigger)
        sql("insert into server_status (server_id, protocol_detected, protocol_probed_at) select id, 'redfish', now()"
                + " from server where bmc_ip = '" + FORM_BMC + "' on conflict (server_id) do update"
                + " set protocol_detected = 'redfish', protocol_probed_at = now()");
        browser.findElements(By.cssSelector(".settings-servers tbody tr")).stream()
                .filter(tr -> tr.getText().contains("ilo-63")).findFirst().orElseThrow()
                .findElement(By.cssSelector(".row-actions button")).click();
        wait.until(d -> d.findElements(By.cssSelector(".edit-server")).stream().anyMatch(WebElement::isDisplayed));
        browser.findElements(By.cssSelector(".edit-server")).stream().filter(WebElement::isDisplayed).findFirst()
                .orElseThrow().click();
        wait.until(d -> d.findElement(By.id("server-form-title")).getText().equals("Edit " + FORM_BMC));
        assertEquals("Redfish (HTTPS)", text("server-form:protocol_label"));
        assertEquals(pem.strip(), browser.findElement(By.id("server-form:ca-bundle")).getAttribute("value").strip());
        choose("server-form:protocol", "Auto (probe Redfish once, else IPMI)");
        browser.findElement(By.id("server-form:save-server")).click();
        wait.until(d -> !d.findElement(By.id("server-dialog")).isDisplayed());
        assertEquals("auto", queryOne("select protocol from server where bmc_ip = '" + FORM_BMC + "'"));
        assertNull(queryOne("select st.protocol_detected from server_status st join server s on s.id = st.server_id"
                + " where s.bmc_ip = '" + FORM_BMC + "'"));
        assertNull(queryOne("select st.protocol_probed_at from server_status st join server s on s.id = st.server_id"
                + " where s.bmc_ip = '" + FORM_BMC + "'"));
    }

    /** Opens the menu and picks the item until the menu shows it: a click during the opening animation can miss. */
    private void choose(String menuId, String label) {
        Browser.waiting(browser, 20).until(d -> {
            if (d.findElement(By.id(menuId + "_label")).getText().equals(label)) {
                return true;
            }
            var item = d.findElements(By.cssSelector("#" + menuId.replace(":", "\\:") + "_items li")).stream()
                    .filter(li -> li.getText().equals(label) && li.isDisplayed()).findFirst();
            if (item.isPresent()) {
                item.get().click();
            } else {
                d.findElement(By.id(menuId)).click();
            }
            return false;
        });
    }

    private void type(String id, String text) {
        WebElement input = browser.findElement(By.id(id));
        input.clear();
        input.sendKeys(text);
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    private void sql(String statement) throws Exception {
        try (var db = env.appDatabase(); var s = db.createStatement()) {
            s.executeUpdate(statement);
        }
    }

    private String queryOne(String query) throws Exception {
        try (var db = env.appDatabase(); var s = db.createStatement(); var r = s.executeQuery(query)) {
            return r.next() ? r.getString(1) : null;
        }
    }
}
