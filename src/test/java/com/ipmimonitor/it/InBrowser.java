package com.ipmimonitor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.WebDriver;

/**
 * Browser tests: a fresh headless chromium (own profile, so no cookies carry over) per test, and afterwards a check
 * that the browser refused nothing under the Content-Security-Policy (a refused script is a broken page).
 */
abstract class InBrowser {

    protected final ItEnvironment env = ItEnvironment.get();
    protected WebDriver browser;

    @BeforeEach
    void openBrowser() throws Exception {
        browser = Browser.open(Files.createTempDirectory(env.workDir(), "chromium"));
    }

    @AfterEach
    void closeBrowser() {
        try {
            // every page a test visited ran under the pages' Content-Security-Policy: nothing may have been refused
            assertEquals(java.util.List.of(), Browser.policyViolations(browser));
        } finally {
            browser.quit();
        }
    }
}
