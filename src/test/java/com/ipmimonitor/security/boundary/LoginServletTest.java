package com.ipmimonitor.security.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** ?next= after sign-in: only paths of this application, never another site (no open redirect). */
class LoginServletTest {

    @ParameterizedTest
    @ValueSource(strings = {"//evil.com", "//evil.com/settings.xhtml", "http://x", "https://evil.com/", "\\\\evil",
            "/\\evil.com", "/\\/evil.com", "evil.com", "javascript:alert(1)", "", " /settings.xhtml"})
    void foreignOrMalformedTargetsGoToTheRoot(String next) {
        assertEquals("/", LoginServlet.localPath(next));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/\r\nSet-Cookie: x=1", "/settings.xhtml\n", "/a\rb"})
    void targetsWithLineBreaksGoToTheRoot(String next) {
        assertEquals("/", LoginServlet.localPath(next));
    }

    @Test
    void missingTargetGoesToTheRoot() {
        assertEquals("/", LoginServlet.localPath(null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/settings.xhtml?x=1", "/servers.xhtml?id=3&tab=sel#events", "/api/servers"})
    void localPathsAreKept(String next) {
        assertEquals(next, LoginServlet.localPath(next));
    }

    @Test
    void tabInsideTheTargetGoesToTheRoot() {
        assertEquals("/", LoginServlet.localPath("/\t/evil.com"));
    }
}
