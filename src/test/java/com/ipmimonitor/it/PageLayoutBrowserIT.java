package com.ipmimonitor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

/**
 * What every page promises beyond its content: a dark theme that follows the system (and a switch that overrides
 * it), a phone width without sideways scrolling, and the keyboard and screen-reader basics. Also writes the
 * screenshots docs/pages.md shows (target/it-N/screenshots/, N the failsafe fork).
 */
class PageLayoutBrowserIT extends InBrowser {

    /** Roles a person operates: each must have a name a screen reader can say. */
    private static final List<String> CONTROLS = List.of("button", "textbox", "searchbox", "combobox", "radio",
            "checkbox", "link", "listbox", "tab", "menuitem", "option");

    @Test
    void theDarkThemeFollowsTheSystemAndTheSwitchOverridesIt() {
        Browser.emulateColorScheme(browser, "dark");
        browser.get(env.baseUrl() + "/");
        assertTrue(luminance("body") < 0.1, "dark system, dark page: " + background("body"));
        assertTrue(luminance(".card") < 0.1, "cards too: " + background(".card"));
        assertEquals("true", browser.findElement(By.id("theme-switch")).getAttribute("aria-pressed"));
        awaitPolled();
        browser.get(env.baseUrl() + "/?range=30d");
        Browser.waiting(browser, 20).until(d -> !d.findElements(By.cssSelector(".server-name")).isEmpty());
        Browser.screenshot(browser, env.workDir().resolve("screenshots/dashboard-dark.png"));

        assertReadable(".server-name", ".hint", ".recent-events tbody td", ".event-severity", "#controls\\:range .ui-button");
        SimulatedBmc large = env.bmc("large-sel");
        browser.get(env.baseUrl() + "/server/" + large.host());
        Browser.waiting(browser, 20).until(d -> !d.findElements(By.cssSelector(".server-events tbody td")).isEmpty());
        assertReadable(".server-events tbody td", ".server-events thead th", ".ui-paginator-current",
                "#tabs\\:event-filters\\:severity_label", ".ui-tabs-header a", ".facts dt");
        Browser.screenshot(browser, env.workDir().resolve("screenshots/server-dark.png"));

        browser.findElement(By.id("theme-switch")).click();
        assertTrue(luminance("body") > 0.8, "the switch makes it light: " + background("body"));
        assertEquals("false", browser.findElement(By.id("theme-switch")).getAttribute("aria-pressed"));
        browser.navigate().refresh();
        assertTrue(luminance("body") > 0.8, "the choice is kept: " + background("body"));

        browser.findElement(By.id("theme-switch")).click();
        browser.get(env.baseUrl() + "/alerts");
        assertTrue(luminance("body") < 0.1, "and kept on every page: " + background("body"));
    }

    @Test
    void aLightSystemGetsTheLightTheme() {
        Browser.emulateColorScheme(browser, "light");
        browser.get(env.baseUrl() + "/");
        assertTrue(luminance("body") > 0.8, background("body"));
        assertEquals("light", Browser.script(browser, "return document.documentElement.getAttribute('data-theme');"));
    }

    @Test
    void aPhoneSeesEveryPageWithoutScrollingSideways() {
        awaitPolled();
        Browser.emulatePhone(browser);
        SimulatedBmc large = env.bmc("large-sel");
        for (String page : List.of("/?range=30d", "/server/" + large.host(), "/alerts", "/login")) {
            browser.get(env.baseUrl() + page);
            Browser.waiting(browser, 20).until(d -> "complete".equals(Browser.script(d, "return document.readyState;")));
            assertEquals(390L, Browser.script(browser, "return window.innerWidth;"), page);
            Object width = Browser.script(browser, "return document.documentElement.scrollWidth;");
            assertTrue(((Number) width).longValue() <= 390, page + " is " + width + " px wide on a 390 px phone");
            if (page.startsWith("/?")) {
                Browser.screenshot(browser, env.workDir().resolve("screenshots/dashboard-phone.png"));
            }
            if (page.startsWith("/server/")) {
                Browser.screenshot(browser, env.workDir().resolve("screenshots/server-phone.png"));
                browser.findElements(By.cssSelector("#tabs li a")).stream().filter(a -> a.getText().equals("Sensors"))
                        .findFirst().orElseThrow().click();
                Browser.waiting(browser, 20).until(d -> d.findElement(By.cssSelector(".sensor-group")).isDisplayed());
                Object sensors = Browser.script(browser, "return document.documentElement.scrollWidth;");
                assertTrue(((Number) sensors).longValue() <= 390, "the sensors tab is " + sensors + " px wide on a phone");
            }
        }
    }

    @Test
    void everyControlHasANameFocusIsVisibleAndSeverityIsWritten() {
        awaitPolled();
        SimulatedBmc large = env.bmc("large-sel");
        Browser.signIn(browser, env.baseUrl(), "/");
        for (String page : List.of("/?range=30d", "/server/" + large.host(), "/alerts", "/settings")) {
            browser.get(env.baseUrl() + page);
            Browser.waiting(browser, 20).until(d -> "complete".equals(Browser.script(d, "return document.readyState;")));
            assertEquals(List.of(), unnamedControls(), page + ": controls a screen reader cannot name");
            // severity and state are words on a coloured badge, never the colour alone
            assertEquals(List.of(), Browser.script(browser, "return Array.from(document.querySelectorAll('.badge'))"
                    + ".filter(b => b.offsetParent && !b.textContent.trim()).map(b => b.outerHTML);"), page);
        }
        browser.get(env.baseUrl() + "/");
        browser.findElement(By.tagName("body")).sendKeys(Keys.TAB);
        for (int i = 0; i < 6; i++) {
            Object outline = Browser.script(browser, "var s = getComputedStyle(document.activeElement);"
                    + " return s.outlineStyle + ' ' + s.outlineWidth + ' ' + s.boxShadow;");
            assertTrue(!String.valueOf(outline).startsWith("none") || String.valueOf(outline).contains("rgb"),
                    "focus not visible on " + Browser.script(browser, "return document.activeElement.outerHTML.slice(0, 120);")
                    + ": " + outline);
            browser.switchTo().activeElement().sendKeys(Keys.TAB);
        }
    }

    /** WCAG AA for body text: each element's text against the first opaque background behind it, at least 4.5:1. */
    private void assertReadable(String... selectors) {
        for (String css : selectors) {
            Object ratio = Browser.script(browser, """
                    function rgb(c) { var m = c.match(/[\\d.]+/g).map(Number); return m.length > 3 && m[3] === 0 ? null : m; }
                    function lum(c) { return [0, 1, 2].map(i => { var v = c[i] / 255;
                        return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); })
                        .reduce((s, v, i) => s + v * [0.2126, 0.7152, 0.0722][i], 0); }
                    var e = document.querySelector(arguments[0]);
                    if (!e) { return -1; }
                    var fg = rgb(getComputedStyle(e).color), bg = null;
                    for (var n = e; n && !bg; n = n.parentElement) { bg = rgb(getComputedStyle(n).backgroundColor); }
                    var a = lum(fg), b = lum(bg || [255, 255, 255]);
                    return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);""", css);
            assertTrue(((Number) ratio).doubleValue() >= 4.5, css + " contrast " + ratio + " in the dark theme");
        }
    }

    @SuppressWarnings("unchecked")
    private List<String> unnamedControls() {
        List<Map<String, Object>> nodes = (List<Map<String, Object>>) Browser.cdp(browser, "Accessibility.getFullAXTree",
                Map.of()).get("nodes");
        List<String> unnamed = new ArrayList<>();
        for (Map<String, Object> node : nodes) {
            if (Boolean.TRUE.equals(node.get("ignored")) || node.get("role") == null) {
                continue;
            }
            String role = String.valueOf(((Map<String, Object>) node.get("role")).get("value"));
            Object name = node.get("name") == null ? null : ((Map<String, Object>) node.get("name")).get("value");
            if (CONTROLS.contains(role) && (name == null || name.toString().isBlank())) {
                unnamed.add(role + " " + node.get("backendDOMNodeId") + " " + describe(node));
            }
        }
        return unnamed;
    }

    private String describe(Map<String, Object> node) {
        try {
            var resolved = Browser.cdp(browser, "DOM.describeNode", Map.of("backendNodeId", node.get("backendDOMNodeId")));
            return String.valueOf(resolved.get("node")).substring(0, Math.min(300, String.valueOf(resolved.get("node")).length()));
        } catch (RuntimeException e) {
            return "?";
        }
    }

    /** Relative luminance (0 black … 1 white) of an element's computed background colour. */
    private double luminance(String css) {
        String rgb = background(css);
        String[] parts = rgb.replaceAll("[^0-9,.]", "").split(",");
        double[] c = new double[3];
        for (int i = 0; i < 3; i++) {
            double v = Double.parseDouble(parts[i]) / 255;
            c[i] = v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
    }

    private String background(String css) {
        return String.valueOf(Browser.script(browser, "return getComputedStyle(document.querySelector(arguments[0])).backgroundColor;", css));
    }

    private void awaitPolled() {
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
