package com.ipmimonitor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

class DashboardBrowserIT {

    private final ItEnvironment env = ItEnvironment.get();
    private WebDriver browser;

    @BeforeEach
    void openBrowser() throws Exception {
        browser = Browser.open(Files.createTempDirectory(env.workDir(), "chromium"));
    }

    @AfterEach
    void closeBrowser() {
        browser.quit();
    }

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
