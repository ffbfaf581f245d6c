package com.ipmimonitor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * What the pages say about one BMC beyond its events: discrete sensor states in words and colours, how full its
 * SEL is (with the /metrics gauge and the alert), and hints that name the server's own port and cipher suite.
 */
class BmcDetailsBrowserIT extends InBrowser {

    @Test
    void discreteStatesReadAsIpmitoolSdrElistSaysThemAndAFailedSupplyIsRed() {
        SimulatedBmc bmc = env.fleet().stream().filter(b -> b.note().equals("normal")).findFirst().orElseThrow();
        // PS2's "Failure detected" bit (offset 1), without a SEL event: the state is what is being read
        env.simConsole(bmc, "sensor_set_bit 0x20 0 0x41 1 1 0");
        try {
            env.post("/api/collect?bmc_ip=" + bmc.host(), null, true);
            ItEnvironment.await("PS2 Status decoded for " + bmc.name(), 120,
                    () -> "Presence detected, Failure detected".equals(sensor(bmc, "PS2 Status").getString("state", null)));
            JsonObject ps2 = sensor(bmc, "PS2 Status");
            assertEquals("critical", ps2.getString("condition"));
            assertEquals("0x0300", ps2.getString("unit"), "the raw word stays available");
            assertEquals("ok", sensor(bmc, "PS1 Status").getString("condition"));
            // the same words ipmitool prints for the same BMC
            for (String name : List.of("PS1 Status", "PS2 Status", "CPU1 Status", "CPU1_ECC1")) {
                assertEquals(elistReading(bmc, name), sensor(bmc, name).getString("state"), name);
            }

            browser.get(env.baseUrl() + "/server/" + bmc.host());
            var wait = Browser.waiting(browser, 20);
            browser.findElements(By.cssSelector("#tabs li a")).stream().filter(a -> a.getText().equals("Sensors")).findFirst()
                    .orElseThrow().click();
            wait.until(d -> !d.findElements(By.cssSelector(".sensor-group")).isEmpty());
            WebElement failed = sensorRow("PS2 Status");
            assertEquals("Presence detected, Failure detected", failed.findElement(By.cssSelector(".sensor-value")).getText());
            assertEquals("critical", failed.findElement(By.cssSelector(".sensor-condition")).getText());
            assertTrue(failed.getAttribute("class").contains("sensor-critical"), failed.getAttribute("class"));
            WebElement present = sensorRow("PS1 Status");
            assertEquals("Presence detected", present.findElement(By.cssSelector(".sensor-value")).getText());
            assertTrue(present.getAttribute("class").contains("sensor-ok"), present.getAttribute("class"));
            assertFalse(browser.getPageSource().contains("state 0x"), "no raw state words where the type is known");
            Browser.script(browser, "arguments[0].scrollIntoView({block: 'center'});", failed);
            Browser.screenshot(browser, env.workDir().resolve("screenshots/server-discrete-states.png"));
        } finally {
            env.simConsole(bmc, "sensor_set_bit 0x20 0 0x41 1 0 0");
        }
    }

    @Test
    void aFullSelIsShownOnItsCardAndPageCountedOnTheDashboardExportedAndAlerted() {
        SimulatedBmc full = env.bmc("sel-full");
        ItEnvironment.await(full.name() + " polled with its SEL state", 240, () -> {
            JsonObject s = Json.object(env.get("/api/servers/" + full.host()).body());
            return s.getBoolean("sel_overflow", false);
        });
        assertEquals(100, Json.object(env.get("/api/servers/" + full.host()).body()).getInt("sel_percent_used"));

        browser.get(env.baseUrl() + "/");
        var wait = Browser.waiting(browser, 20);
        wait.until(d -> Integer.parseInt(d.findElement(By.id("stat-sel-full")).getText().strip()) >= 1);
        browser.findElement(By.id("controls:server-filter")).sendKeys(full.name());
        wait.until(d -> d.findElements(By.cssSelector(".server-card")).size() == 1);
        WebElement fill = browser.findElement(By.cssSelector(".server-card .sel-fill"));
        assertEquals("SEL full, events lost", fill.getText());
        assertTrue(fill.getAttribute("class").contains("critical"), fill.getAttribute("class"));
        Browser.screenshot(browser, env.workDir().resolve("screenshots/dashboard-sel-full.png"));

        // a BMC with room left says how much is used
        SimulatedBmc roomy = env.fleet().stream().filter(b -> b.note().equals("normal")).findFirst().orElseThrow();
        browser.get(env.baseUrl() + "/server/" + roomy.host());
        wait.until(d -> d.findElement(By.id("fact-sel-fill")).getText().matches("SEL \\d+ % used"));

        browser.get(env.baseUrl() + "/server/" + full.host());
        wait.until(d -> d.findElement(By.id("fact-sel-fill")).getText().equals("SEL full, events lost"));

        String series = "ipmi_sel_used_ratio{bmc_ip=\"" + full.host() + "\",server_name=\"" + full.name() + "\"} 1";
        ItEnvironment.await("the SEL fill gauge in /metrics", 60, () -> env.get("/metrics").body().contains(series));
        ItEnvironment.await("a firing sel_full alert for " + full.name(), 60, () -> Json.array(env.get("/api/alerts?state=firing").body())
                .stream().map(v -> v.asJsonObject()).anyMatch(a -> a.getString("rule").equals("sel_full")
                        && a.getString("bmc_ip", "").equals(full.host()) && a.getString("severity").equals("critical")));
    }

    @Test
    void theUnreachableHintNamesTheServersOwnPortAndCipherSuite() {
        String ip = "127.0.0.97"; // nothing listens there
        var added = env.post("/api/servers/add",
                "{\"bmc_ip\":\"" + ip + "\",\"port\":6230,\"server_name\":\"hint-port-6230\",\"cipher_suite\":17}", true);
        assertEquals(201, added.statusCode(), added.body());
        try {
            ItEnvironment.await("hint-port-6230 unreachable", 120, () -> "UNREACHABLE".equals(
                    Json.object(env.get("/api/servers/" + ip).body()).getString("last_outcome", "")));
            browser.get(env.baseUrl() + "/");
            var wait = Browser.waiting(browser, 20);
            browser.findElement(By.id("controls:server-filter")).sendKeys("hint-port-6230", Keys.TAB);
            wait.until(d -> d.findElements(By.cssSelector(".server-card")).size() == 1);
            String hint = browser.findElement(By.cssSelector(".server-card .hint")).getText();
            assertTrue(hint.contains("UDP port 6230 of " + ip), hint);
            assertTrue(hint.contains("cipher suite 17"), hint);
            assertFalse(hint.contains("port 623 "), hint);

            browser.get(env.baseUrl() + "/server/" + ip);
            wait.until(d -> d.findElement(By.id("fact-hint")).getText().contains("UDP port 6230"));
            assertTrue(browser.findElement(By.id("fact-hint")).getText().contains("-C 17"));
        } finally {
            env.removeServer(ip);
        }
    }

    private JsonObject sensor(SimulatedBmc bmc, String name) {
        return Json.array(env.get("/api/sensors/" + bmc.host()).body()).stream().map(v -> v.asJsonObject())
                .filter(s -> s.getString("sensor_name").equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(name + " not read from " + bmc.name()));
    }

    /** The reading column of ipmitool's own sdr elist for one sensor of the simulated BMC. */
    private String elistReading(SimulatedBmc bmc, String name) {
        return env.ipmitool(bmc, "sdr", "elist").lines().map(l -> l.split("\\|", -1))
                .filter(c -> c.length == 5 && c[0].strip().equals(name)).map(c -> c[4].strip()).findFirst()
                .orElseThrow(() -> new AssertionError(name + " not in sdr elist"));
    }

    private WebElement sensorRow(String name) {
        return browser.findElements(By.cssSelector(".sensor-table tbody tr")).stream()
                .filter(tr -> tr.findElements(By.cssSelector(".sensor-name")).stream().anyMatch(e -> e.getText().equals(name)))
                .findFirst().orElseThrow(() -> new AssertionError(name + " not on the page"));
    }
}
