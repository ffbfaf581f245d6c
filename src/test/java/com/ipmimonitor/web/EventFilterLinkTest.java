package com.ipmimonitor.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class EventFilterLinkTest {

    @Test
    void anUnfilteredPageKeepsOnlyItsRange() {
        var link = new EventFilterLink("24h", 24, "", "", null);
        assertEquals("range=24h", link.pageQuery());
        assertEquals("/api/events/export.csv?hours=24", link.exportHref(""));
    }

    @Test
    void theExportCarriesEveryFilterOfThePageInTheParametersOfTheApi() {
        var link = new EventFilterLink("7d", 168, "critical", "CPU1 ECC", "10.0.0.5");
        assertEquals("range=7d&severity=critical&q=CPU1%20ECC", link.pageQuery());
        assertEquals("/ctx/api/events/export.csv?hours=168&severity=critical&q=CPU1%20ECC&server=10.0.0.5",
                link.exportHref("/ctx"));
    }

    @Test
    void textThatLooksLikeAParameterStaysText() {
        var link = new EventFilterLink("1h", 1, "", "a&severity=info#x", null);
        assertEquals("range=1h&q=a%26severity%3Dinfo%23x", link.pageQuery());
    }
}
