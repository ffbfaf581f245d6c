package com.ipmimonitor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;

/**
 * /settings with 1,000 more servers (imported disabled, so never polled; addresses 127.240.x.y where nothing
 * listens): paged, filtered, sorted, bulk actions on a selection, nothing clipped, at desktop and phone widths.
 */
class SettingsAtScaleBrowserIT extends InBrowser {

    private static final int MANY = 1000;
    private static final String LONG = "-with-a-rather-long-name-that-must-wrap-in-its-column";

    private static String ip(int i) {
        return "127.240." + (i / 250) + "." + (i % 250 + 1);
    }

    private static String name(int i) {
        return "bulk-node-%04d%s".formatted(i, LONG);
    }

    @AfterEach
    void removeThem() {
        // what the bulk delete did not remove: the tests after this one see the fleet as it was
        for (int i = 0; i < MANY; i++) {
            env.send(HttpRequest.newBuilder(URI.create(env.baseUrl() + "/api/servers/" + ip(i))).DELETE(), true);
        }
    }

    @Test
    void aThousandServersArePagedFilteredSortedAndChangedInBulk() {
        String json = IntStream.range(0, MANY).mapToObj(i -> "{\"bmc_ip\":\"%s\",\"server_name\":\"%s\",\"enabled\":false}"
                .formatted(ip(i), name(i))).collect(Collectors.joining(",", "[", "]"));
        var imported = env.send(HttpRequest.newBuilder(URI.create(env.baseUrl() + "/api/servers/import?format=json"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)), true);
        assertEquals(200, imported.statusCode(), imported.body());
        int total = Json.array(env.get("/api/servers").body()).size();

        Browser.signIn(browser, env.baseUrl(), "/settings");
        var wait = Browser.waiting(browser, 30);
        wait.until(d -> report().startsWith("1-25 of " + total + " servers"));
        assertEquals(25, rows().size(), "one page, not the whole fleet");
        assertEquals("admin | Sign out", browser.findElement(By.id("session")).getText().replace('\n', ' ').strip());
        assertNothingClipped();

        browser.findElement(By.cssSelector(".settings-servers .ui-paginator-next")).click();
        wait.until(d -> report().startsWith("26-50 of " + total));

        // filter by name, then sort by name both ways
        filter("col-name", "bulk-node-07");
        wait.until(d -> report().startsWith("1-25 of 100 servers"));
        // the rows come sorted by name already: wait for the sort's answer before the second click, which
        // would otherwise ask for ascending again
        header("Server").click();
        wait.withMessage(() -> "first " + names().get(0) + ", sort " + sortOf("Server"))
                .until(d -> "ascending".equals(sortOf("Server")) && names().get(0).startsWith("bulk-node-0700"));
        header("Server").click();
        wait.until(d -> "descending".equals(sortOf("Server")) && names().get(0).startsWith("bulk-node-0799"));
        assertNothingClipped();
        Browser.screenshot(browser, env.workDir().resolve("screenshots/settings-1000-1400px.png"));
        // filter by address: 127.240.3.x are servers 750 - 999
        filter("col-name", "");
        filter("col-bmc", "127.240.3.");
        wait.until(d -> report().contains(" of 250 servers"));

        // select two, resume them in bulk (confirmed), then delete them in bulk
        filter("col-bmc", "127.240.3.1");  // 127.240.3.1 and 127.240.3.10 - .19, .100 - .199
        wait.until(d -> report().contains(" of 111 servers"));
        List<WebElement> boxes = browser.findElements(By.cssSelector(".settings-servers tbody .ui-selection-column .ui-chkbox-box"));
        boxes.get(0).click();
        wait.until(d -> d.findElement(By.cssSelector(".selected-count")).getText().equals("1 selected"));
        browser.findElements(By.cssSelector(".settings-servers tbody .ui-selection-column .ui-chkbox-box")).get(1).click();
        wait.until(d -> d.findElement(By.cssSelector(".selected-count")).getText().equals("2 selected"));
        List<String> chosen = browser.findElements(By.cssSelector(".settings-servers tbody tr.ui-state-highlight .settings-bmc"))
                .stream().map(e -> e.getText().replace(":623", "")).toList();
        assertEquals(2, chosen.size(), chosen.toString());

        browser.findElement(By.id("settings-form:server-table:bulk-pause")).click(); // they are paused already: 0 change
        confirm(wait, "Pause polling of 2 servers?");
        wait.until(d -> growl().contains("Polling paused for 0 servers"));

        selectRowsOf(chosen);
        browser.findElement(By.id("settings-form:server-table:bulk-delete")).click();
        confirm(wait, "Stop monitoring 2 servers?");
        wait.until(d -> growl().contains("2 servers deleted"));
        for (String gone : chosen) {
            assertEquals(404, env.get("/api/servers/" + gone).statusCode(), gone);
        }
        assertEquals(total - 2, Json.array(env.get("/api/servers").body()).size());

        // the phone width: the table reflows into one card per row, still nothing clipped
        browser.manage().window().setSize(new Dimension(390, 844));
        browser.navigate().refresh();
        wait.until(d -> report().startsWith("1-25 of " + (total - 2)));
        // the column filters are hidden on a phone: the one above the table finds by name or address
        long nineHundreds = Json.array(env.get("/api/servers").body()).stream()
                .filter(v -> v.asJsonObject().getString("server_name").startsWith("bulk-node-09")).count();
        browser.findElement(By.id("settings-form:server-find")).sendKeys("bulk-node-09");
        wait.until(d -> report().contains(" of " + nineHundreds + " servers"));
        assertNothingClipped();
        Browser.script(browser, "document.querySelector('.settings-servers tbody tr').scrollIntoView({block: 'start'});");
        Browser.screenshot(browser, env.workDir().resolve("screenshots/settings-1000-390px.png"));
    }

    private void selectRowsOf(List<String> bmcIps) {
        var wait = Browser.waiting(browser, 20);
        for (String ip : bmcIps) {
            WebElement row = browser.findElements(By.cssSelector(".settings-servers tbody tr")).stream()
                    .filter(tr -> tr.findElement(By.cssSelector(".settings-bmc")).getText().startsWith(ip + ":"))
                    .findFirst().orElseThrow();
            if (!row.getAttribute("class").contains("ui-state-highlight")) {
                row.findElement(By.cssSelector(".ui-selection-column .ui-chkbox-box")).click();
            }
        }
        wait.until(d -> d.findElement(By.cssSelector(".selected-count")).getText().equals(bmcIps.size() + " selected"));
    }

    private void confirm(org.openqa.selenium.support.ui.WebDriverWait wait, String question) {
        wait.until(d -> d.findElement(By.id("action-dialog")).isDisplayed()
                && d.findElement(By.id("action-question")).getText().startsWith(question));
        browser.findElement(By.id("action-form:action-yes")).click();
        wait.until(d -> !d.findElement(By.id("action-dialog")).isDisplayed());
    }

    /** Every name and address fits inside its cell: wrapped, never cut off. */
    private void assertNothingClipped() {
        Object clipped = Browser.script(browser, """
                return Array.from(document.querySelectorAll('.settings-servers .settings-server-name, .settings-servers .settings-bmc'))
                  .filter(e => { var c = e.closest('td').getBoundingClientRect(), r = e.getBoundingClientRect();
                                 return r.right > c.right + 1 || r.left < c.left - 1; })
                  .map(e => e.textContent);""");
        assertEquals(List.of(), clipped);
        Object wider = Browser.script(browser,
                "return document.querySelector('.settings-servers').getBoundingClientRect().right > window.innerWidth + 1;");
        assertEquals(false, wider, "the server table is wider than the window");
    }

    private void filter(String column, String text) {
        WebElement input = browser.findElement(By.cssSelector(".settings-servers th." + column + " .ui-column-filter"));
        input.clear();
        input.sendKeys(text.isEmpty() ? " \b" : text);
    }

    private WebElement header(String title) {
        return browser.findElements(By.cssSelector(".settings-servers thead th")).stream()
                .filter(th -> th.findElements(By.cssSelector(".ui-column-title")).stream().anyMatch(t -> t.getText().equals(title)))
                .findFirst().orElseThrow().findElement(By.cssSelector(".ui-column-title"));
    }

    private String sortOf(String title) {
        return header(title).findElement(By.xpath("./ancestor::th")).getAttribute("aria-sort");
    }

    private String report() {
        return browser.findElement(By.cssSelector(".settings-servers .ui-paginator-current")).getText();
    }

    private List<WebElement> rows() {
        return browser.findElements(By.cssSelector(".settings-servers tbody tr"));
    }

    private List<String> names() {
        return browser.findElements(By.cssSelector(".settings-servers .settings-server-name")).stream().map(WebElement::getText).toList();
    }

    private String growl() {
        return browser.findElements(By.cssSelector(".ui-growl-message")).stream().map(WebElement::getText)
                .collect(Collectors.joining(" | "));
    }
}
