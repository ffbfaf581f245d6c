package com.ipmimonitor.it;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Debian chromium driven by Debian's chromedriver. Paths are explicit so that Selenium Manager
 * never runs (it would try to download a driver from the internet).
 */
final class Browser {

    private Browser() {
    }

    static WebDriver open(Path profileDir) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync",
                "--window-size=1400,1000", "--user-data-dir=" + profileDir);
        // the console is kept so that tests can check nothing was refused by the Content-Security-Policy
        options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return driver;
    }

    static void screenshot(WebDriver driver, Path file) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Signs in through the login page and waits until the browser has left it. */
    static void signIn(WebDriver driver, String baseUrl, String next) {
        driver.get(baseUrl + "/login?next=" + next);
        driver.findElement(org.openqa.selenium.By.id("username")).sendKeys(ItEnvironment.ADMIN_USER);
        driver.findElement(org.openqa.selenium.By.id("password")).sendKeys(ItEnvironment.ADMIN_PASS);
        driver.findElement(org.openqa.selenium.By.id("login-button")).click();
        new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(20))
                .until(d -> !d.getCurrentUrl().contains("/login"));
    }

    /** A wait that treats elements replaced by an AJAX update as "look again". */
    static org.openqa.selenium.support.ui.WebDriverWait waiting(WebDriver driver, int seconds) {
        var wait = new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(seconds));
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        return wait;
    }

    static Object script(WebDriver driver, String js, Object... args) {
        return ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(js, args);
    }

    /** A Chrome DevTools command (emulated media, device metrics, the accessibility tree). */
    @SuppressWarnings("unchecked")
    static java.util.Map<String, Object> cdp(WebDriver driver, String command, java.util.Map<String, Object> params) {
        return ((org.openqa.selenium.chromium.ChromiumDriver) driver).executeCdpCommand(command, params);
    }

    /** The page as prefers-color-scheme: dark (or light) would show it. */
    static void emulateColorScheme(WebDriver driver, String scheme) {
        cdp(driver, "Emulation.setEmulatedMedia", java.util.Map.of("features",
                java.util.List.of(java.util.Map.of("name", "prefers-color-scheme", "value", scheme))));
    }

    /** A phone: 390 × 844 CSS pixels, honouring the pages' viewport meta tag. */
    static void emulatePhone(WebDriver driver) {
        cdp(driver, "Emulation.setDeviceMetricsOverride", java.util.Map.of("width", 390, "height", 844,
                "deviceScaleFactor", 2, "mobile", true));
    }

    /** Console messages saying the Content-Security-Policy refused something (a script, a style, a frame). */
    static java.util.List<String> policyViolations(WebDriver driver) {
        return driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
                .map(org.openqa.selenium.logging.LogEntry::getMessage)
                .filter(m -> m.contains("Content Security Policy")).toList();
    }
}
