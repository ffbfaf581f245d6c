package com.ipmimonitor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** /settings and signing in and out, in headless chromium. Servers added here use 127.0.0.9x (nothing listens). */
class SettingsBrowserIT extends InBrowser {

    @AfterEach
    void forgetTestServers() {
        for (String ip : new String[] {"127.0.0.91", "127.0.0.92", "127.0.0.93", "127.0.0.94"}) {
            env.send(HttpRequest.newBuilder(URI.create(env.baseUrl() + "/api/servers/" + ip)).DELETE(), true);
        }
    }

    @Test
    void settingsNeedASignInAndSigningOutEndsTheSession() {
        browser.get(env.baseUrl() + "/settings");
        var wait = Browser.waiting(browser, 20);
        wait.until(d -> d.getCurrentUrl().contains("/login?next="));
        browser.findElement(By.id("username")).sendKeys(ItEnvironment.ADMIN_USER);
        browser.findElement(By.id("password")).sendKeys(ItEnvironment.ADMIN_PASS);
        browser.findElement(By.id("login-button")).click();
        wait.until(d -> d.getCurrentUrl().endsWith("/settings"));
        wait.until(d -> d.findElements(By.cssSelector(".settings-server-name")).size() >= env.fleet().size());
        Browser.screenshot(browser, env.workDir().resolve("screenshots/settings.png"));

        browser.findElement(By.id("session:logout")).click();
        wait.until(d -> !d.findElements(By.id("sign-in")).isEmpty());
        browser.get(env.baseUrl() + "/settings");
        wait.until(d -> d.getCurrentUrl().contains("/login?next="));
    }

    @Test
    void anAdminAddsEditsAndDeletesAServerWithoutEverSeeingItsPasswordAgain() {
        Browser.signIn(browser, env.baseUrl(), "/settings");
        var wait = Browser.waiting(browser, 20);
        wait.until(d -> d.findElement(By.id("settings-form:add-server")).isDisplayed());
        long before = serverCount();

        // a wrong address: the dialog says what is wrong and nothing is written
        openAddDialog(wait);
        type("server-form:bmc-ip", "not an address!");
        browser.findElement(By.id("server-form:save-server")).click();
        wait.until(d -> d.findElement(By.id("form-problems")).getText().contains("bmc_ip must be"));
        assertEquals(before, serverCount());

        type("server-form:bmc-ip", "127.0.0.91");
        type("server-form:server-name", "added-from-the-ui");
        type("server-form:ipmi-user", "operator");
        type("server-form:ipmi-pass", "ui-Secret-Pw-91");
        browser.findElement(By.cssSelector("#server-form\\:nvidia .ui-chkbox-box")).click();
        browser.findElement(By.id("server-form:save-server")).click();
        wait.until(d -> !d.findElement(By.id("server-dialog")).isDisplayed());
        wait.until(d -> d.findElements(By.cssSelector(".settings-server-name")).stream()
                .anyMatch(a -> a.getText().equals("added-from-the-ui")));
        JsonObject added = Json.object(env.get("/api/servers/127.0.0.91").body());
        assertTrue(added.getBoolean("has_ipmi_password"));
        assertTrue(added.getBoolean("use_nvidia_password"));
        assertEquals(before + 1, serverCount());
        assertFalse(browser.getPageSource().contains("ui-Secret-Pw-91"));

        // edit: the password field comes back empty and an empty one keeps the stored password
        rowAction("added-from-the-ui", "edit-server");
        wait.until(d -> d.findElement(By.id("server-dialog")).isDisplayed()
                && d.findElement(By.id("server-form-title")).getText().equals("Edit 127.0.0.91"));
        assertEquals("", browser.findElement(By.id("server-form:ipmi-pass")).getAttribute("value"));
        assertFalse(browser.getPageSource().contains("ui-Secret-Pw-91"));
        type("server-form:server-name", "renamed-in-the-ui");
        browser.findElement(By.id("server-form:save-server")).click();
        wait.until(d -> d.findElements(By.cssSelector(".settings-server-name")).stream()
                .anyMatch(a -> a.getText().equals("renamed-in-the-ui")));
        JsonObject edited = Json.object(env.get("/api/servers/127.0.0.91").body());
        assertEquals("renamed-in-the-ui", edited.getString("server_name"));
        assertTrue(edited.getBoolean("has_ipmi_password"), "an empty password field keeps the stored one");

        // delete asks first; "No" keeps the server
        rowAction("renamed-in-the-ui", "delete-server");
        wait.until(d -> d.findElement(By.id("action-form:action-no")).isDisplayed()
                && d.findElement(By.id("action-question")).getText().startsWith("Stop monitoring renamed-in-the-ui?"));
        browser.findElement(By.id("action-form:action-no")).click();
        wait.until(d -> !d.findElement(By.id("action-dialog")).isDisplayed());
        assertEquals(200, env.get("/api/servers/127.0.0.91").statusCode());
        rowAction("renamed-in-the-ui", "delete-server");
        wait.until(d -> d.findElement(By.id("action-form:action-yes")).isDisplayed());
        browser.findElement(By.id("action-form:action-yes")).click();
        wait.until(d -> d.findElements(By.cssSelector(".settings-server-name")).stream()
                .noneMatch(a -> a.getText().equals("renamed-in-the-ui")));
        assertEquals(404, env.get("/api/servers/127.0.0.91").statusCode());
    }

    /** Issue 14: the dialog is bounded like the API and the import, and says which field is too long. */
    @Test
    void aNoteOverTheLimitIsAFormProblemNamingTheFieldAndNothingIsStored() {
        Browser.signIn(browser, env.baseUrl(), "/settings");
        var wait = Browser.waiting(browser, 20);
        wait.until(d -> d.findElement(By.id("settings-form:add-server")).isDisplayed());
        long before = serverCount();
        openAddDialog(wait);
        type("server-form:bmc-ip", "127.0.0.92");
        Browser.script(browser, "document.getElementById('server-form:notes').value = 'n'.repeat(4001); return null;");
        browser.findElement(By.id("server-form:save-server")).click();
        wait.until(d -> d.findElement(By.id("form-problems")).getText().contains("notes is longer than 4000 characters"));
        assertEquals(before, serverCount());
        assertEquals(404, env.get("/api/servers/127.0.0.92").statusCode());
    }

    @Test
    void anImportWithErrorsListsThemByLineAndImportsNothingThenAGoodFileImportsAll() throws Exception {
        Browser.signIn(browser, env.baseUrl(), "/settings");
        var wait = Browser.waiting(browser, 20);
        long before = serverCount();
        browser.findElement(By.id("import-form:import-text")).sendKeys(
                "[server-a]\nbmc_ip = 127.0.0.92\n\n[server-b]\nbmc_ip = 999.1.1.1\nserver_name = broken\n");
        browser.findElement(By.id("import-form:import-button")).click();
        wait.until(d -> !d.findElements(By.id("import-errors")).isEmpty());
        String errors = browser.findElement(By.id("import-errors")).getText();
        assertTrue(errors.contains("line 5"), errors);
        assertTrue(errors.contains("999.1.1.1"), errors);
        assertEquals(before, serverCount(), "all or nothing: the good entry was not imported either");

        Path file = Files.createTempFile(env.workDir(), "servers", ".ini");
        Files.writeString(file, "[server-c]\nbmc_ip = 127.0.0.93\nserver_name = imported-c\n\n"
                + "[server-d]\nbmc_ip = 127.0.0.94\nserver_name = imported-d\nuse_nvidia_password = true\n");
        browser.findElement(By.id("import-form:import-file")).sendKeys(file.toString());
        browser.findElement(By.id("import-form:import-button")).click();
        wait.until(d -> d.findElements(By.cssSelector(".ui-growl-message")).stream().anyMatch(m -> m.getText().contains("2 servers imported")));
        assertTrue(browser.findElements(By.id("import-errors")).isEmpty());
        assertEquals(before + 2, serverCount());
        assertTrue(Json.object(env.get("/api/servers/127.0.0.94").body()).getBoolean("use_nvidia_password"));

        // the export link works with the browser's session (no Basic credentials)
        Object exported = Browser.script(browser, "var r = new XMLHttpRequest(); r.open('GET', arguments[0], false); r.send();"
                + " return r.status + ' ' + r.responseText;", browser.findElement(By.id("export-ini")).getAttribute("href"));
        assertTrue(String.valueOf(exported).startsWith("200 "), String.valueOf(exported));
        assertTrue(String.valueOf(exported).contains("imported-d"), String.valueOf(exported));
    }

    @Test
    void thePollIntervalIsCheckedAndStoredForTheWholeFleet() throws Exception {
        Browser.signIn(browser, env.baseUrl(), "/settings");
        var wait = Browser.waiting(browser, 20);
        type("settings-form:poll-seconds", "3");
        browser.findElement(By.id("settings-form:save-poll")).click();
        wait.until(d -> d.findElement(By.id("settings-form:poll-message")).getText().contains("between 10 and"));
        assertNull(storedPollInterval());

        type("settings-form:poll-seconds", "20"); // what the test environment runs with: other tests rely on it
        browser.findElement(By.id("settings-form:save-poll")).click();
        try {
            wait.until(d -> d.findElements(By.cssSelector(".ui-growl-message")).stream().anyMatch(m -> m.getText().contains("every 20 seconds")));
            assertEquals("20", storedPollInterval());
        } finally {
            // nothing stored, as before: POLL_INTERVAL rules again (the same 20 s)
            try (var c = env.appDatabase(); var q = c.prepareStatement("delete from app_setting where name = 'poll.interval'")) {
                q.executeUpdate();
            }
        }
    }

    @Test
    void aStateChangingPostWithoutTheViewsTokenChangesNothing() throws Exception {
        Browser.signIn(browser, env.baseUrl(), "/settings");
        Browser.waiting(browser, 20).until(d -> d.findElement(By.id("settings-form:add-server")).isDisplayed());
        String session = browser.manage().getCookieNamed("JSESSIONID").getValue();
        long before = serverCount();
        SimulatedBmc victim = env.fleet().get(0);
        // what a forged cross-site form would send: a real action of the page, but not the view's state token
        String deleteButton = browser.findElements(By.cssSelector(".delete-server")).get(0).getAttribute("id");
        String form = "jakarta.faces.partial.ajax=true&jakarta.faces.source=" + enc(deleteButton)
                + "&jakarta.faces.partial.execute=" + enc(deleteButton) + "&" + enc(deleteButton) + "=" + enc(deleteButton)
                + "&settings-form=settings-form&jakarta.faces.ViewState=" + enc("-1234567890:987654321");
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(env.baseUrl() + "/settings.xhtml")).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Faces-Request", "partial/ajax")
                .header("Cookie", "JSESSIONID=" + session).POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertFalse(response.body().contains("deleted with its stored events"), response.body());
        assertEquals(before, serverCount());
        assertEquals(200, env.get("/api/servers/" + victim.host()).statusCode());
    }

    @Test
    void theLoginPageShowsANextValueAsTextAndSessionCookiesAreSameSite() {
        browser.get(env.baseUrl() + "/login?next=" + enc("/\"><script>window.injected=1</script>"));
        assertNull(Browser.script(browser, "return window.injected;"));
        // looking at the sign-in page creates no session (StatelessViewsIT); signing in does
        String setCookie = env.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(env.baseUrl() + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("username=" + ItEnvironment.ADMIN_USER
                        + "&password=" + enc(ItEnvironment.ADMIN_PASS) + "&next=/")), false)
                .headers().firstValue("Set-Cookie").orElse("");
        assertTrue(setCookie.toLowerCase(java.util.Locale.ROOT).contains("samesite=lax"), setCookie);
        assertTrue(setCookie.contains("HttpOnly"), setCookie);
    }

    private void openAddDialog(org.openqa.selenium.support.ui.WebDriverWait wait) {
        browser.findElement(By.id("settings-form:add-server")).click();
        wait.until(d -> d.findElement(By.id("server-dialog")).isDisplayed()
                && d.findElement(By.id("server-form-title")).getText().equals("Add a server"));
    }

    private void type(String id, String text) {
        WebElement input = browser.findElement(By.id(id));
        input.clear();
        input.sendKeys(text);
    }

    /** Opens the row's Actions menu and picks the item with that style class. */
    private void rowAction(String serverName, String itemClass) {
        row(serverName).findElement(By.cssSelector(".row-actions button")).click();
        var wait = Browser.waiting(browser, 10);
        wait.until(d -> d.findElements(By.cssSelector("." + itemClass)).stream().anyMatch(WebElement::isDisplayed));
        browser.findElements(By.cssSelector("." + itemClass)).stream().filter(WebElement::isDisplayed).findFirst()
                .orElseThrow().click();
    }

    private WebElement row(String serverName) {
        return browser.findElements(By.cssSelector(".settings-servers tbody tr")).stream()
                .filter(tr -> tr.findElements(By.cssSelector(".settings-server-name")).stream().anyMatch(a -> a.getText().equals(serverName)))
                .findFirst().orElseThrow(() -> new AssertionError(serverName + " not listed"));
    }

    private long serverCount() {
        return Json.array(env.get("/api/servers").body()).size();
    }

    private String storedPollInterval() throws Exception {
        try (var c = env.appDatabase(); var q = c.prepareStatement("select value from app_setting where name = 'poll.interval'");
             var r = q.executeQuery()) {
            return r.next() ? r.getString(1) : null;
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
