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
    void countdownTicksAndThePauseButtonStopsIt() throws InterruptedException {
        browser.get(env.baseUrl() + "/");
        var countdown = By.id("countdown");
        int first = Integer.parseInt(browser.findElement(countdown).getText());
        Thread.sleep(2500);
        int later = Integer.parseInt(browser.findElement(countdown).getText());
        assertTrue(later < first, first + " -> " + later);
        browser.findElement(By.id("refresh-toggle")).click();
        assertEquals("paused", browser.findElement(countdown).getText());
        Thread.sleep(1500);
        assertEquals("paused", browser.findElement(countdown).getText());
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
