package com.ipmimonitor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** /server/{bmc_ip} in headless chromium, against data collected from the simulated fleet. */
class ServerPageBrowserIT extends InBrowser {

    @Test
    void eventsArePagedFromTheDatabaseAndFilteredBySeverityAndText() {
        SimulatedBmc large = env.bmc("large-sel");
        awaitPolled(large);
        int stored = Json.array(env.get("/api/events?server=" + large.host() + "&hours=168&limit=10000").body()).size();
        assertTrue(stored > 100, "the large SEL should give more than one page: " + stored);

        browser.get(env.baseUrl() + "/server/" + large.host());
        var wait = Browser.waiting(browser, 20);
        wait.until(d -> d.findElements(By.cssSelector(".server-events tbody tr")).size() == 25);
        assertEquals(large.name(), browser.findElement(By.id("server-name")).getText());
        assertEquals(large.name() + " - IPMI Monitor IT", browser.getTitle());
        assertTrue(browser.findElement(By.cssSelector(".ui-paginator-current")).getText().startsWith(stored + " events"),
                browser.findElement(By.cssSelector(".ui-paginator-current")).getText());
        Browser.screenshot(browser, env.workDir().resolve("screenshots/server-events.png"));

        typeFilter("ecc");
        wait.until(d -> !texts(".event-summary").isEmpty()
                && texts(".event-summary").stream().allMatch(t -> t.toLowerCase(Locale.ROOT).contains("ecc")));
        // ECC events name the DIMM sensor the BMC's SDR calls it, not "Memory #0x50"
        assertTrue(texts(".event-sensor").stream().allMatch(t -> t.matches("CPU\\d_ECC\\d")), texts(".event-sensor").toString());

        typeFilter("zzz-matches-nothing");
        wait.until(d -> d.findElements(By.cssSelector(".server-events .ui-datatable-empty-message")).size() == 1);
        typeFilter("");
        wait.until(d -> d.findElements(By.cssSelector(".server-events tbody tr")).size() == 25);

        chooseSeverity("Critical");
        wait.withMessage(() -> "severity filter shows " + texts(".event-severity") + ", menu says "
                + browser.findElement(By.id("tabs:event-filters:severity_label")).getText())
                .until(d -> !texts(".event-severity").isEmpty() && texts(".event-severity").stream().allMatch("critical"::equals));
        long critical = Json.array(env.get("/api/events?server=" + large.host() + "&hours=168&severity=critical&limit=10000")
                .body()).size();
        wait.until(d -> d.findElement(By.cssSelector(".ui-paginator-current")).getText().startsWith(critical + " events"));
    }

    @Test
    void sensorsAreGroupedColouredAgainstThresholdsAndChartedOnRequest() {
        // the same fan CollectionRoundTripIT fails: 400 RPM is below the BMC's lower critical threshold (500)
        SimulatedBmc bmc = env.fleet().stream().filter(b -> b.note().equals("normal")).skip(1).findFirst().orElseThrow();
        env.simConsole(bmc, "sensor_set_value 0x20 0 0x11 4 1");
        try {
            env.post("/api/collect?bmc_ip=" + bmc.host(), null, true);
            awaitSensor(bmc, "FAN2", "critical");

            browser.get(env.baseUrl() + "/server/" + bmc.host());
            var wait = Browser.waiting(browser, 20);
            browser.findElements(By.cssSelector("#tabs li a")).stream().filter(a -> a.getText().equals("Sensors")).findFirst()
                    .orElseThrow().click();
            wait.until(d -> !d.findElements(By.cssSelector(".sensor-group")).isEmpty() && d.findElement(By.cssSelector(".sensor-group")).isDisplayed());
            List<String> groups = texts(".sensor-group");
            assertEquals(List.of("Temperature", "Fans", "Voltage", "Power"), groups.subList(0, 4), groups.toString());
            WebElement fan2 = sensorRow("FAN2");
            assertEquals("300 / 500 / 700", fan2.findElements(By.tagName("td")).get(4).getText());
            assertTrue(fan2.getAttribute("class").contains("sensor-critical"), fan2.getAttribute("class"));
            assertEquals("critical", fan2.findElement(By.cssSelector(".sensor-condition")).getText());
            assertTrue(sensorRow("FAN1").getAttribute("class").contains("sensor-ok"), sensorRow("FAN1").getAttribute("class"));

            sensorRow("FAN2").findElement(By.cssSelector(".history-link")).click();
            wait.until(d -> d.findElement(By.id("chart-title")).getText().equals("History of FAN2"));
            wait.until(d -> Boolean.TRUE.equals(Browser.script(d,
                    "var c = document.querySelector('.ui-chart canvas'); return c != null && c.width > 0;")));
            // the chart is drawn below every sensor table: the click must bring it to where the eye is
            wait.withMessage(() -> "chart at " + Browser.script(browser, "return JSON.stringify(document.getElementById("
                    + "'tabs:sensor-form:history-chart').getBoundingClientRect()) + ' in ' + window.innerHeight;"))
                    .until(d -> Boolean.TRUE.equals(Browser.script(d, "var r = document.getElementById('tabs:sensor-form:history-chart')"
                            + ".getBoundingClientRect(); return r.height > 0 && r.top >= 0 && r.bottom <= window.innerHeight;")));
            assertEquals("400 RPM", fan2.findElement(By.cssSelector(".sensor-value")).getText());
            Browser.script(browser, "document.getElementById('tabs:sensor-form:chart-panel').scrollIntoView({block: 'end'});");
            Browser.screenshot(browser, env.workDir().resolve("screenshots/server-sensors.png"));
        } finally {
            // back to the generated 8,600 RPM, so that the next test to fail this fan sees it go low again
            env.simConsole(bmc, "sensor_set_value 0x20 0 0x11 86 1");
        }
    }

    @Test
    void theEventFilterStaysInTheAddressAndTheExportHoldsThePagesRows() throws Exception {
        SimulatedBmc large = env.bmc("large-sel");
        awaitPolled(large);
        browser.get(env.baseUrl() + "/server/" + large.host() + "?range=72h&severity=warning");
        var wait = Browser.waiting(browser, 20);
        wait.until(d -> !texts(".event-severity").isEmpty());
        assertEquals(List.of("1h", "2h", "4h", "6h", "12h", "24h", "48h", "72h", "7d", "30d"),
                texts("#tabs\\:event-filters\\:event-range .ui-button"));
        assertEquals("72h", browser.findElement(By.cssSelector("#tabs\\:event-filters\\:event-range .ui-state-active")).getText());
        assertEquals("Warning", browser.findElement(By.id("tabs:event-filters:severity_label")).getText());
        assertTrue(texts(".event-severity").stream().allMatch("warning"::equals), texts(".event-severity").toString());
        assertExportMatchesThePage("hours=72&severity=warning&server=" + large.host());

        chooseSeverity("All severities");
        typeFilter("ecc");
        wait.until(d -> d.getCurrentUrl().endsWith("/server/" + large.host() + "?range=72h&q=ecc"));
        wait.until(d -> !texts(".event-summary").isEmpty()
                && texts(".event-summary").stream().allMatch(t -> t.toLowerCase(Locale.ROOT).contains("ecc")));
        assertExportMatchesThePage("hours=72&q=ecc&server=" + large.host());

        browser.navigate().refresh();
        wait.until(d -> "ecc".equals(d.findElement(By.id("tabs:event-filters:text")).getAttribute("value")));
        assertEquals("72h", browser.findElement(By.cssSelector("#tabs\\:event-filters\\:event-range .ui-state-active")).getText());
    }

    /** The CSV behind the Export link: the paginator's count of rows, the first page's SEL ids in the page's order. */
    private void assertExportMatchesThePage(String query) throws Exception {
        var wait = Browser.waiting(browser, 20);
        wait.until(d -> d.findElement(By.id("export-csv")).getAttribute("href").endsWith("/api/events/export.csv?" + query));
        String href = browser.findElement(By.id("export-csv")).getAttribute("href");
        var response = env.get(href.substring(env.baseUrl().length()));
        assertEquals(200, response.statusCode());
        List<org.apache.commons.csv.CSVRecord> rows = org.apache.commons.csv.CSVFormat.RFC4180.builder().setHeader()
                .setSkipHeaderRecord(true).get().parse(new java.io.StringReader(response.body())).getRecords();
        assertTrue(browser.findElement(By.cssSelector(".ui-paginator-current")).getText().startsWith(rows.size() + " events"),
                browser.findElement(By.cssSelector(".ui-paginator-current")).getText() + " vs " + rows.size() + " CSV rows");
        List<String> csvIds = rows.stream().limit(25).map(r -> r.get("sel_id") + " " + r.get("severity")).toList();
        List<String> pageIds = browser.findElements(By.cssSelector(".server-events tbody tr")).stream()
                .filter(tr -> !tr.findElements(By.cssSelector(".event-sel-id")).isEmpty())
                .map(tr -> tr.findElement(By.cssSelector(".event-sel-id")).getText() + " "
                        + tr.findElement(By.cssSelector(".event-severity")).getText()).toList();
        assertEquals(csvIds, pageIds);
    }

    @Test
    void sensorNamesAndEventTextFromTheBmcAreShownAsTextNeverRun() {
        SimulatedBmc hostile = env.bmc("hostile-names");
        awaitPolled(hostile);
        // a correctable ECC on sensor 0x52, which this BMC names "<script>CPU2ECC"
        env.simConsole(hostile, "sel_add 0x20 0x02 0 0 0 0 0x20 0x00 0x04 0x0c 0x52 0x6f 0xa0 0x00 0x03");
        env.post("/api/collect?bmc_ip=" + hostile.host(), null, true);
        String summary = "Correctable ECC | Asserted [<script>CPU2ECC]";
        for (int i = 0; i < 120 && !env.get("/api/events?server=" + hostile.host() + "&hours=1").body().contains("<script>CPU2ECC"); i++) {
            ItEnvironment.sleep(500);
        }

        browser.get(env.baseUrl() + "/server/" + hostile.host());
        var wait = Browser.waiting(browser, 20);
        wait.until(d -> texts(".event-summary").contains(summary));
        assertNull(Browser.script(browser, "return document.querySelector('.server-events script');"));
        browser.findElements(By.cssSelector("#tabs li a")).stream().filter(a -> a.getText().equals("Sensors")).findFirst()
                .orElseThrow().click();
        wait.until(d -> texts(".sensor-name").contains("<script>CPU2ECC"));
        assertNull(Browser.script(browser, "return document.querySelector('.sensor-table script');"));

        browser.get(env.baseUrl() + "/");
        wait.until(d -> texts(".event-summary").contains(summary));
        assertNull(Browser.script(browser, "return document.querySelector('.recent-events script');"));
    }

    @Test
    void anUnknownAddressSaysSoWithA404() {
        var response = env.get("/server/10.255.255.1");
        assertEquals(404, response.statusCode());
        browser.get(env.baseUrl() + "/server/10.255.255.1");
        assertTrue(browser.findElement(By.id("no-server")).getText().contains("No server with BMC address 10.255.255.1"));
    }

    @Test
    void visitorsSeeNoAdminActions() {
        SimulatedBmc bmc = env.fleet().get(0);
        browser.get(env.baseUrl() + "/server/" + bmc.host());
        Browser.waiting(browser, 20).until(d -> d.findElement(By.id("server-name")).isDisplayed());
        assertTrue(browser.findElements(By.id("page-actions:collect-now")).isEmpty());
        assertTrue(browser.findElements(By.id("page-actions:clear-sel")).isEmpty());
        assertTrue(browser.findElements(By.id("nav-settings")).isEmpty());
        assertFalse(browser.findElements(By.id("sign-in")).isEmpty());

        Browser.signIn(browser, env.baseUrl(), "/server/" + bmc.host());
        Browser.waiting(browser, 20).until(d -> !d.findElements(By.id("page-actions:collect-now")).isEmpty());
        assertEquals(ItEnvironment.ADMIN_USER, browser.findElement(By.id("session:signed-in-as")).getText());
        browser.findElement(By.id("page-actions:collect-now")).click();
        Browser.waiting(browser, 20).until(d -> d.findElements(By.cssSelector(".ui-growl-message")).stream()
                .anyMatch(m -> m.getText().contains("queued")));
    }

    /** Replaces the search text with keystrokes (clear() alone fires no keyup, so the page would not filter). */
    private void typeFilter(String text) {
        WebElement input = browser.findElement(By.id("tabs:event-filters:text"));
        input.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"), org.openqa.selenium.Keys.BACK_SPACE);
        if (!text.isEmpty()) {
            input.sendKeys(text);
        }
    }

    /** Opens the menu and picks the item until the menu shows it: a click during the opening animation can miss. */
    private void chooseSeverity(String label) {
        Browser.waiting(browser, 20).until(d -> {
            if (d.findElement(By.id("tabs:event-filters:severity_label")).getText().equals(label)) {
                return true;
            }
            var item = d.findElements(By.cssSelector("#tabs\\:event-filters\\:severity_items li")).stream()
                    .filter(li -> li.getText().equals(label) && li.isDisplayed()).findFirst();
            if (item.isPresent()) {
                item.get().click();
            } else {
                d.findElement(By.id("tabs:event-filters:severity")).click();
            }
            return false;
        });
    }

    private WebElement sensorRow(String name) {
        return browser.findElements(By.cssSelector(".sensor-table tbody tr")).stream()
                .filter(tr -> tr.findElements(By.cssSelector(".sensor-name")).stream().anyMatch(e -> e.getText().equals(name)))
                .findFirst().orElseThrow(() -> new AssertionError(name + " not on the page"));
    }

    private List<String> texts(String css) {
        return browser.findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList();
    }

    private void awaitPolled(SimulatedBmc bmc) {
        for (int i = 0; i < 240; i++) {
            JsonObject server = Json.object(env.get("/api/servers/" + bmc.host()).body());
            if ("OK".equals(server.getString("last_outcome", ""))) {
                return;
            }
            ItEnvironment.sleep(500);
        }
        throw new AssertionError(bmc + " not polled in time");
    }

    private void awaitSensor(SimulatedBmc bmc, String name, String condition) {
        for (int i = 0; i < 240; i++) {
            boolean there = Json.array(env.get("/api/sensors/" + bmc.host()).body()).stream().map(v -> v.asJsonObject())
                    .anyMatch(s -> s.getString("sensor_name").equals(name) && s.getString("condition").equals(condition));
            if (there) {
                return;
            }
            ItEnvironment.sleep(500);
        }
        throw new AssertionError(name + " of " + bmc + " never became " + condition);
    }
}
