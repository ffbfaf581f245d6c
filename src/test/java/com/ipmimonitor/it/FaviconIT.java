package com.ipmimonitor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Browsers ask every site for /favicon.ico; a 404 there was logged on every page view (issue 16). */
class FaviconIT {

    private final ItEnvironment env = ItEnvironment.get();

    @Test
    void theIconIsServedAsAnIcon() {
        var response = env.get("/favicon.ico");
        assertEquals(200, response.statusCode());
        String type = response.headers().firstValue("Content-Type").orElse("");
        assertTrue(type.startsWith("image/"), "Content-Type of /favicon.ico: " + type);
        assertTrue(response.body().startsWith("\0\0\1\0"), "an ICO header (reserved 0, type 1)");
    }
}
