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
import org.junit.jupiter.api.Test;

/**
 * The public pages are stateless for visitors (no view state, no session), and stay protected for people signed
 * in: their views keep a server-side state token, and a forged POST that claims a stateless view is refused.
 */
class StatelessViewsIT {

    private final ItEnvironment env = ItEnvironment.get();

    @Test
    void aForgedStatelessPostOfAnAdminActionChangesNothing() throws Exception {
        SimulatedBmc victim = env.fleet().stream().filter(b -> b.note().equals("normal")).findFirst().orElseThrow();
        awaitStoredEvents(victim);
        long before = storedEvents(victim);

        CookieManager cookies = new CookieManager();
        HttpClient admin = HttpClient.newBuilder().cookieHandler(cookies).connectTimeout(Duration.ofSeconds(5)).build();
        var signedIn = admin.send(HttpRequest.newBuilder(URI.create(env.baseUrl() + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString("username=" + ItEnvironment.ADMIN_USER + "&password="
                        + enc(ItEnvironment.ADMIN_PASS) + "&next=/")).build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(cookies.getCookieStore().getCookies().stream().anyMatch(c -> c.getName().equals("JSESSIONID")),
                "signed in: " + signedIn.statusCode() + " " + signedIn.headers());
        // signed in, the page keeps a real state token
        String page = admin.send(HttpRequest.newBuilder(URI.create(env.baseUrl() + "/server/" + victim.host()))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString()).body();
        assertTrue(page.contains("page-actions:clear-db-events"), "the admin sees the action");
        assertFalse(page.contains("value=\"stateless\""), "a signed-in view keeps its state");

        // what a forged cross-site form would send with the admin's cookie: a real action, a "stateless" view
        String button = "page-actions:clear-db-events";
        String form = "jakarta.faces.partial.ajax=true&jakarta.faces.source=" + enc(button)
                + "&jakarta.faces.partial.execute=" + enc(button) + "&" + enc(button) + "=" + enc(button)
                + "&page-actions=page-actions&bmc_ip=" + enc(victim.host()) + "&jakarta.faces.ViewState=stateless";
        var forged = admin.send(HttpRequest.newBuilder(URI.create(env.baseUrl() + "/server.xhtml"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Faces-Request", "partial/ajax")
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertFalse(forged.body().contains("stored events of"), forged.body());
        // and without a session (a visitor, or a cross-site request that carries no cookie) the role check refuses it
        var anonymous = env.send(HttpRequest.newBuilder(URI.create(env.baseUrl() + "/server.xhtml"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Faces-Request", "partial/ajax")
                .POST(HttpRequest.BodyPublishers.ofString(form)), false);
        assertFalse(anonymous.body().contains("stored events of"), anonymous.body());
        assertEquals(before, storedEvents(victim), "stored events were deleted by a forged request");
    }

    private void awaitStoredEvents(SimulatedBmc bmc) {
        for (int i = 0; i < 240 && storedEvents(bmc) == 0; i++) {
            ItEnvironment.sleep(500);
        }
        assertTrue(storedEvents(bmc) > 0, bmc + " has no stored events");
    }

    private long storedEvents(SimulatedBmc bmc) {
        try (var db = env.appDatabase(); var q = db.prepareStatement(
                "select count(*) from sel_event e join server s on s.id = e.server_id where s.bmc_ip = ?")) {
            q.setString(1, bmc.host());
            var rs = q.executeQuery();
            rs.next();
            return rs.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
