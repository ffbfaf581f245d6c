package com.ipmimonitor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

class DashboardBrowserIT extends InBrowser {

    @Test
    void dashboardShowsTheFleetCollectedFromTheSimulators() {
        waitUntilPolled();
        browser.get(env.baseUrl() + "/");
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> d.findElements(By.cssSelector(".server-name")).size()
                == env.fleet().size());
        assertEquals("IPMI Monitor IT", browser.getTitle());
        assertEquals(String.valueOf(env.fleet().size()), browser.findElement(By.id("stat-servers")).getText());
        List<String> names = browser.findElements(By.cssSelector(".server-name")).stream().map(WebElement::getText).toList();
        env.fleet().forEach(bmc -> assertTrue(names.contains(bmc.name()), bmc.name() + " missing from " + names));
        long reachable = Long.parseLong(browser.findElement(By.id("stat-reachable")).getText());
        assertTrue(reachable >= env.fleet().size() - 2, "wrong-password and unreachable BMCs only: " + reachable);
        assertTrue(Long.parseLong(browser.findElement(By.id("stat-critical")).getText()) > 0);
        Browser.screenshot(browser, env.workDir().resolve("screenshots/dashboard.png"));
    }

    @Test
    void loginFormSignsTheAdminIn() {
        browser.get(env.baseUrl() + "/login");
        browser.findElement(By.id("username")).sendKeys(ItEnvironment.ADMIN_USER);
        browser.findElement(By.id("password")).sendKeys("not-the-password");
        browser.findElement(By.id("login-button")).click();
        var wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        assertTrue(wait.until(d -> d.findElement(By.id("login-error"))).isDisplayed());

        browser.findElement(By.id("username")).sendKeys(ItEnvironment.ADMIN_USER);
        browser.findElement(By.id("password")).sendKeys(ItEnvironment.ADMIN_PASS);
        browser.findElement(By.id("login-button")).click();
        wait.until(d -> !d.getCurrentUrl().contains("/login"));
        browser.get(env.baseUrl() + "/api/auth/status");
        assertTrue(browser.getPageSource().contains("\"is_admin\":true"), browser.getPageSource());
    }

    @Test
    void rangeSelectorChangesTheCountsWithoutReloadingThePage() {
        var wait = openPolledDashboard();
        chooseRange(wait, "30d");
        long month = Long.parseLong(browser.findElement(By.id("stat-critical")).getText());
        chooseRange(wait, "1h");
        long hour = Long.parseLong(browser.findElement(By.id("stat-critical")).getText());
        assertTrue(month > hour, "30d " + month + " vs 1h " + hour);
        assertSamePage("the range change reloaded the page");
        assertTrue(browser.findElements(By.cssSelector(".recent-events tbody tr")).size() >= 1);
        assertTrue(browser.getCurrentUrl().endsWith("?range=1h"), browser.getCurrentUrl());
    }

    @Test
    void failingServersComeFirstAndTheFilterFindsOneWithoutReloadingThePage() {
        var wait = openPolledDashboard();
        wait.until(d -> d.findElements(By.cssSelector(".server-name")).size() >= env.fleet().size());
        List<Boolean> ok = browser.findElements(By.cssSelector(".server-card .outcome")).stream()
                .map(e -> e.getText().equals("OK")).toList();
        assertTrue(ok.contains(false) && ok.indexOf(true) > ok.lastIndexOf(false), "failing servers first: " + ok);
        int servers = browser.findElements(By.cssSelector(".server-name")).size();
        assertEquals("Servers 1–" + servers + " of " + servers + ", those that need attention first",
                browser.findElement(By.id("controls:cards-shown")).getText());
        assertTrue(browser.findElements(By.id("controls:next-page")).isEmpty(), "one page of " + servers);

        SimulatedBmc wanted = env.fleet().stream().filter(b -> b.note().equals("normal")).findFirst().orElseThrow();
        browser.findElement(By.id("controls:server-filter")).sendKeys(wanted.name());
        wait.until(d -> d.findElement(By.id("controls:cards-shown")).getText().equals(
                "Servers 1–1 of 1, those that need attention first"));
        assertEquals(List.of(wanted.name()), browser.findElements(By.cssSelector(".server-name")).stream()
                .map(WebElement::getText).toList());
        assertEquals(String.valueOf(servers), browser.findElement(By.id("stat-servers")).getText(), "the stats stay fleet-wide");

        browser.findElement(By.id("controls:server-filter")).sendKeys("-no-such-server");
        wait.until(d -> d.findElement(By.id("controls:cards-shown")).getText().equals("No server matches the filter."));
        assertTrue(browser.findElements(By.cssSelector(".server-name")).isEmpty());
        assertSamePage("filtering reloaded the page");
    }

    @Test
    void everyRangeOfTheOriginalIsOfferedAndTheChoiceStaysInTheAddress() {
        var wait = openPolledDashboard();
        assertEquals(List.of("1h", "2h", "4h", "6h", "12h", "24h", "48h", "72h", "7d", "30d"), rangeButtons());
        chooseRange(wait, "72h");
        wait.until(d -> d.getCurrentUrl().endsWith("/?range=72h"));
        assertSamePage("the range change reloaded the page");

        browser.navigate().refresh();
        wait.until(d -> d.findElements(By.cssSelector(".range-label")).stream().allMatch(e -> e.getText().equals("72h")));
        assertEquals("72h", browser.findElement(By.cssSelector("#controls\\:range .ui-state-active")).getText());
        browser.get(env.baseUrl() + "/?range=12h&severity=warning");
        wait.until(d -> d.findElements(By.cssSelector(".range-label")).stream().allMatch(e -> e.getText().equals("12h")));
        assertEquals("Warning", browser.findElement(By.cssSelector("#controls\\:event-severity .ui-state-active")).getText());
        browser.get(env.baseUrl() + "/?range=5y&severity=%3Cb%3E");
        wait.until(d -> d.findElements(By.cssSelector(".range-label")).stream().allMatch(e -> e.getText().equals("24h")));
    }

    @Test
    void recentEventsSitBesideTheCardsFilteredBySeverityAndExportWhatIsShown() throws Exception {
        var wait = openPolledDashboard();
        chooseRange(wait, "7d");
        var cards = browser.findElement(By.cssSelector(".server-cards")).getRect();
        var events = browser.findElement(By.cssSelector("aside.recent")).getRect();
        assertTrue(events.getX() >= cards.getX() + cards.getWidth() && events.getY() < cards.getY() + 200,
                "events beside the cards at 1400 px: cards " + cards + ", events " + events);

        for (String severity : List.of("Critical", "Warning", "Info", "All")) {
            chooseChip(wait, severity);
            wait.until(d -> d.getCurrentUrl().contains("range=7d")
                    && d.getCurrentUrl().contains("severity=") == !severity.equals("All"));
            List<String> shown = texts(".recent-events .event-severity");
            assertTrue(severity.equals("All") || shown.stream().allMatch(severity.toLowerCase(java.util.Locale.ROOT)::equals),
                    severity + ": " + shown);
            assertExportMatchesThePage(severity);
        }
        assertSamePage("the chips reloaded the page");
    }

    /** The CSV behind the export link: as many rows as the page counts, the newest in the page's order. */
    private void assertExportMatchesThePage(String severity) throws Exception {
        String href = browser.findElement(By.id("export-csv")).getAttribute("href");
        assertTrue(href.contains("hours=168"), href);
        assertEquals(!severity.equals("All"), href.contains("severity=" + severity.toLowerCase(java.util.Locale.ROOT)), href);
        var response = env.get(href.substring(env.baseUrl().length()));
        assertEquals(200, response.statusCode());
        List<org.apache.commons.csv.CSVRecord> rows = org.apache.commons.csv.CSVFormat.RFC4180.builder().setHeader()
                .setSkipHeaderRecord(true).get().parse(new java.io.StringReader(response.body())).getRecords();
        String counted = browser.findElement(By.id("events-shown")).getText();
        assertTrue(counted.equals(rows.size() + (rows.size() == 1 ? " event" : " events"))
                || counted.endsWith(" of " + rows.size()), counted + " vs " + rows.size() + " CSV rows");
        List<WebElement> pageRows = browser.findElements(By.cssSelector(".recent-events tbody tr")).stream()
                .filter(tr -> !tr.findElements(By.cssSelector(".event-severity")).isEmpty()).toList();
        assertEquals(Math.min(rows.size(), 50), pageRows.size());
        for (int i = 0; i < pageRows.size(); i++) {
            var csv = rows.get(i);
            String shownTime = pageRows.get(i).findElement(By.cssSelector(".event-time")).getText();
            String page = pageRows.get(i).findElement(By.cssSelector(".event-server")).getText() + " "
                    + pageRows.get(i).findElement(By.cssSelector(".event-severity")).getText() + " " + shownTime;
            // an event without a BMC time has no date in the CSV; how the page words that is not compared here
            String time = csv.get("date").isEmpty() ? shownTime : pageTime(csv.get("date"));
            assertEquals(csv.get("server_name") + " " + csv.get("severity") + " " + time, page, "row " + i);
        }
    }

    /** 2026-12-06T19:00Z as the page writes it: 2026-12-06 19:00:00 UTC. */
    private static String pageTime(String iso) {
        return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
                .format(java.time.OffsetDateTime.parse(iso).withOffsetSameInstant(java.time.ZoneOffset.UTC));
    }

    @Test
    void anAdminCollectsEveryServerFromTheDashboardAndSeesWhenItWasUpdated() {
        browser.get(env.baseUrl() + "/");
        assertTrue(browser.findElements(By.id("controls:collect-all")).isEmpty(), "visitors cannot collect");
        String updated = browser.findElement(By.id("last-updated")).getText();
        assertTrue(updated.matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC"), updated);

        Browser.signIn(browser, env.baseUrl(), "/");
        var wait = Browser.waiting(browser, 20);
        wait.until(d -> !d.findElements(By.id("controls:collect-all")).isEmpty());
        browser.findElement(By.id("controls:collect-all")).click();
        wait.until(d -> d.findElements(By.cssSelector(".ui-growl-message")).stream()
                .anyMatch(m -> m.getText().contains(env.fleet().size() + " servers queued")));
    }

    @Test
    void countdownTicksAndThePauseButtonStopsIt() throws InterruptedException {
        browser.get(env.baseUrl() + "/");
        var countdown = By.id("countdown");
        int first = Integer.parseInt(browser.findElement(countdown).getText());
        Browser.waiting(browser, 10).until(d -> Integer.parseInt(d.findElement(countdown).getText()) < first);
        browser.findElement(By.id("refresh-toggle")).click();
        assertEquals("paused", browser.findElement(countdown).getText());
        // a tick of the page's one-second timer has passed (the browser's own clock): the countdown stayed paused
        Object pausedAt = Browser.script(browser, "return performance.now();");
        Browser.waiting(browser, 10).until(d -> {
            assertEquals("paused", d.findElement(countdown).getText());
            return ((Number) Browser.script(d, "return performance.now();")).doubleValue()
                    > ((Number) pausedAt).doubleValue() + 1500;
        });
        assertEquals("Resume", browser.findElement(By.id("refresh-toggle")).getText());
    }

    @Test
    void textFromTheFleetIsShownAsTextNeverRun() {
        String script = "<script>window.injected = 1</script><b>bold</b>";
        var added = env.post("/api/servers/add", "{\"bmc_ip\":\"127.0.0.97\",\"server_name\":"
                + jakarta.json.Json.createValue(script) + "}", true);
        assertEquals(201, added.statusCode(), added.body());
        try {
            browser.get(env.baseUrl() + "/");
            new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> d.findElements(By.cssSelector(".server-name"))
                    .stream().anyMatch(e -> e.getText().equals(script)));
            assertEquals(null, ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("return window.injected;"));
            assertTrue(browser.findElements(By.cssSelector(".server-name b")).isEmpty(), "markup from a name was rendered");
        } finally {
            env.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(env.baseUrl() + "/api/servers/127.0.0.97"))
                    .DELETE(), true);
        }
    }

    /**
     * The dashboard once the fleet is polled, marked so that assertSamePage can tell an AJAX update from a reload;
     * the wait ignores stale elements: an AJAX update replaces what a condition is looking at, which just means
     * "look again".
     */
    private WebDriverWait openPolledDashboard() {
        waitUntilPolled();
        browser.get(env.baseUrl() + "/");
        var wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("window.samePage = true;");
        return wait;
    }

    private void assertSamePage(String message) {
        assertEquals(Boolean.TRUE, ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("return window.samePage;"),
                message);
    }

    private void chooseRange(WebDriverWait wait, String range) {
        wait.until(d -> {
            d.findElements(By.cssSelector("#controls\\:range .ui-button")).stream()
                    .filter(b -> b.getText().equals(range)).findFirst().orElseThrow().click();
            return true;
        });
        wait.until(d -> d.findElements(By.cssSelector(".range-label")).stream().allMatch(e -> e.getText().equals(range)));
    }

    private List<String> rangeButtons() {
        return browser.findElements(By.cssSelector("#controls\\:range .ui-button")).stream().map(WebElement::getText).toList();
    }

    private void chooseChip(WebDriverWait wait, String label) {
        wait.until(d -> {
            var chip = d.findElement(By.cssSelector("#controls\\:event-severity .ui-state-active"));
            if (chip.getText().equals(label)) {
                return true;
            }
            d.findElements(By.cssSelector("#controls\\:event-severity .ui-button")).stream()
                    .filter(b -> b.getText().equals(label)).findFirst().orElseThrow().click();
            return false;
        });
        // the list follows the chip once the AJAX update is in: its link carries the new severity
        wait.until(d -> label.equals("All") ? !d.findElement(By.id("export-csv")).getAttribute("href").contains("severity=")
                : d.findElement(By.id("export-csv")).getAttribute("href").contains("severity=" + label.toLowerCase(java.util.Locale.ROOT)));
    }

    private List<String> texts(String css) {
        return browser.findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList();
    }

    private void waitUntilPolled() {
        for (int i = 0; i < 240; i++) {
            var servers = Json.array(env.get("/api/servers").body());
            if (servers.stream().allMatch(s -> !s.asJsonObject().isNull("last_outcome"))) {
                return;
            }
            ItEnvironment.sleep(500);
        }
        throw new AssertionError("fleet not polled in time");
    }
}
