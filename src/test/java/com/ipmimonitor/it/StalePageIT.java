package com.ipmimonitor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Issue 14, part 5: a POST whose page state is gone or forged (ViewExpiredException: a session time-out does the
 * same) or whose CSP nonce is wrong (CspException) reloads the page with a notice, never a 500 naming the
 * exception. The dashboard's server filter is the form, posted by a signed-in admin: a visitor's dashboard is
 * stateless (no view state to expire or forge, no session to hold a nonce).
 */
class StalePageIT {

    private static final Pattern VIEW_STATE = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"");
    private static final Pattern NONCE = Pattern.compile("nonce=\"([^\"]+)\"");

    private final ItEnvironment env = ItEnvironment.get();
    private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void aForgedViewStateReloadsThePageWithANotice() throws Exception {
        signIn();
        get("/");
        var posted = post(filterForm("forged-view-state-0123456789", null), false);
        assertClean(posted);
        assertEquals(302, posted.statusCode(), posted.body());
        String location = posted.headers().firstValue("Location").orElseThrow();
        assertTrue(URI.create(env.baseUrl()).resolve(location).getPath().equals("/"), location);

        var reloaded = get(URI.create(env.baseUrl()).resolve(location).getPath());
        assertEquals(200, reloaded.statusCode());
        assertTrue(reloaded.body().contains("id=\"page-reloaded\""), "the notice is shown");
        assertFalse(get("/").body().contains("id=\"page-reloaded\""), "the notice is shown once");
    }

    @Test
    void aForgedViewStateInAnAjaxRequestReloadsThePage() throws Exception {
        signIn();
        get("/");
        var posted = post(filterForm("forged-view-state-0123456789", null), true);
        assertClean(posted);
        assertEquals(200, posted.statusCode(), posted.body());
        assertTrue(posted.body().contains("<redirect url=\"/\""), posted.body());
    }

    @Test
    void aWrongCspNonceReloadsThePageWhileTheRightOneWorks() throws Exception {
        signIn();
        String page = get("/").body();
        String viewState = first(VIEW_STATE, page);
        String nonce = first(NONCE, page);

        var good = post(filterForm(viewState, nonce), true);
        assertEquals(200, good.statusCode(), good.body());
        assertTrue(good.body().contains("<update id=\"controls:content\""), good.body());

        var wrong = post(filterForm(viewState, "bm90LXRoZS1ub25jZQ=="), true);
        assertClean(wrong);
        assertEquals(200, wrong.statusCode(), wrong.body());
        assertTrue(wrong.body().contains("<redirect url=\"/\""), wrong.body());
    }

    /** The keyup of the dashboard's server filter, as PrimeFaces sends it. */
    private static Map<String, String> filterForm(String viewState, String nonce) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("jakarta.faces.partial.ajax", "true");
        form.put("jakarta.faces.source", "controls:server-filter");
        form.put("jakarta.faces.partial.execute", "controls:server-filter");
        form.put("jakarta.faces.partial.render", "controls:content");
        form.put("jakarta.faces.behavior.event", "keyup");
        form.put("jakarta.faces.partial.event", "keyup");
        form.put("controls", "controls");
        form.put("controls:server-filter", "bmc");
        form.put("jakarta.faces.ViewState", viewState);
        if (nonce != null) {
            form.put("primefaces.nonce", nonce);
        }
        return form;
    }

    private static void assertClean(HttpResponse<String> response) {
        assertTrue(response.statusCode() < 500, response.statusCode() + " " + response.body());
        for (String internal : new String[] {"ViewExpiredException", "CspException", "Exception", "at org.", "at com."}) {
            assertFalse(response.body().contains(internal), "the answer names " + internal + ": " + response.body());
        }
    }

    /** The original's scripted sign-in: the session cookie lands in this client's cookie jar. */
    private void signIn() throws Exception {
        String body = "{\"username\":\"" + ItEnvironment.ADMIN_USER + "\",\"password\":\"" + ItEnvironment.ADMIN_PASS + "\"}";
        var response = browser.send(HttpRequest.newBuilder(URI.create(env.baseUrl() + "/login"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create(env.baseUrl() + path)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(Map<String, String> form, boolean ajax) throws Exception {
        if (!ajax) {
            form.keySet().removeIf(k -> k.startsWith("jakarta.faces.partial") || k.startsWith("jakarta.faces.behavior")
                    || k.equals("jakarta.faces.source"));
        }
        String body = form.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(env.baseUrl() + "/index.xhtml"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                .header("Referer", env.baseUrl() + "/")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (ajax) {
            request.header("Faces-Request", "partial/ajax").header("X-Requested-With", "XMLHttpRequest");
        }
        return browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String first(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        assertTrue(m.find(), pattern + " not in the page");
        return m.group(1);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
