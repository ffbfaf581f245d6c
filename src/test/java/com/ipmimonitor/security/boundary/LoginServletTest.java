package com.ipmimonitor.security.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
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

    @ParameterizedTest
    @ValueSource(strings = {"/..//evil.example", "/../..//evil.example/x", "/.//evil.example", "/a/../..//evil.example",
            "/%2e%2e//evil.example", "/%2E./%2e//evil.example", "/.%2E//evil.example?next=/"})
    void dotSegmentsThatLeadToAnotherHostGoToTheRoot(String next) {
        // a browser resolves the dots before it reads the host: "/..//evil.example" is "//evil.example" to it
        assertEquals("/", LoginServlet.localPath(next));
    }

    @ParameterizedTest
    @CsvSource({"/a/../settings, /settings", "/./alerts?x=/../y, /alerts?x=/../y", "/server/../, /",
            "/a/.., /", "/a/., /a/", "/../settings#x, /settings#x", "/%2e%2e/alerts, /alerts"})
    void dotSegmentsAreResolvedAsABrowserWould(String next, String expected) {
        assertEquals(expected, LoginServlet.localPath(next));
    }

    @Test
    void tabInsideTheTargetGoesToTheRoot() {
        assertEquals("/", LoginServlet.localPath("/\t/evil.com"));
    }
}
