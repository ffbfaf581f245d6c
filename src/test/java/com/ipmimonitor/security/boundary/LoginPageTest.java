package com.ipmimonitor.security.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LoginPageTest {

    @Test
    void escapeReplacesEveryHtmlSpecialCharacterOnce() {
        assertEquals("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;", LoginPage.escape("<script>alert('x')</script>"));
        assertEquals("a &amp; b &quot;c&quot;", LoginPage.escape("a & b \"c\""));
        assertEquals("&amp;lt;", LoginPage.escape("&lt;"), "an existing entity is shown as text, not decoded");
        assertEquals("IPMI Monitor", LoginPage.escape("IPMI Monitor"));
    }

    @Test
    void renderEscapesTheAppNameInTitleAndHeading() {
        String html = LoginPage.render("<script>alert(1)</script>", false, "/");

        assertFalse(html.contains("<script>"), html);
        assertTrue(html.contains("<title>Sign in - &lt;script&gt;alert(1)&lt;/script&gt;</title>"), html);
        assertTrue(html.contains("<h1>&lt;script&gt;alert(1)&lt;/script&gt;</h1>"), html);
    }

    @Test
    void renderEscapesTheNextValueInsideTheHiddenField() {
        String html = LoginPage.render("IPMI Monitor", false, "/x\"><script>alert(1)</script>");

        assertFalse(html.contains("<script>"), html);
        assertTrue(html.contains("<input type=\"hidden\" name=\"next\" value=\"/x&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;\">"),
                html);
    }

    @Test
    void renderShowsTheErrorOnlyAfterAFailedSignIn() {
        String failed = LoginPage.render("IPMI Monitor", true, "/settings.xhtml?x=1&y=2");
        String fresh = LoginPage.render("IPMI Monitor", false, "/");

        assertTrue(failed.contains("<p class=\"error\" id=\"login-error\">Wrong user or password.</p>"), failed);
        assertFalse(fresh.contains("login-error"), fresh);
        assertTrue(failed.contains("value=\"/settings.xhtml?x=1&amp;y=2\""), failed);
        assertTrue(fresh.contains("<title>Sign in - IPMI Monitor</title>"), fresh);
        assertTrue(fresh.contains("width:100%;"), "the CSS percent sign survives formatting");
    }
}
