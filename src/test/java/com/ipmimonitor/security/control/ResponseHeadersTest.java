package com.ipmimonitor.security.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ResponseHeadersTest {

    @ParameterizedTest
    @ValueSource(strings = {"/api/servers", "/api/events/export.csv", "/metrics", "/health/ready", "/mp-metrics", "/logout"})
    void dataMayLoadAndRunNothing(String path) {
        var headers = ResponseHeaders.forPath(path);
        assertEquals("default-src 'none'; frame-ancestors 'none'", headers.get("Content-Security-Policy"));
        assertEquals("nosniff", headers.get("X-Content-Type-Options"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/index.xhtml", "/login", "/settings", "/alerts", "/server/10.0.0.1", "/jakarta.faces.resource/x.js"})
    void pagesGetTheirPolicyFromPrimeFacesButTheOtherHeadersHere(String path) {
        var headers = ResponseHeaders.forPath(path);
        assertFalse(headers.containsKey("Content-Security-Policy"));
        assertEquals("DENY", headers.get("X-Frame-Options"));
        assertEquals("same-origin", headers.get("Referrer-Policy"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"frame-ancestors 'none'", "object-src 'none'", "form-action 'self'", "base-uri 'self'"})
    void thePagePolicyForbidsFramingPluginsAndForeignFormTargets(String directive) {
        assertTrue(ResponseHeaders.PAGE_POLICY.contains(directive));
        assertTrue(ResponseHeaders.PAGE_POLICY.endsWith("script-src 'self'"), "PrimeFaces appends the nonce to the last directive");
    }
}
