package com.ipmimonitor.it;

import java.nio.file.Files;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.WebDriver;

/** Browser tests: a fresh headless chromium (own profile, so no cookies carry over) per test. */
abstract class InBrowser {

    protected final ItEnvironment env = ItEnvironment.get();
    protected WebDriver browser;

    @BeforeEach
    void openBrowser() throws Exception {
        browser = Browser.open(Files.createTempDirectory(env.workDir(), "chromium"));
    }

    @AfterEach
    void closeBrowser() {
        browser.quit();
    }
}
