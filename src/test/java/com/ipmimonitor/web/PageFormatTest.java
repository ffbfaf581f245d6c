package com.ipmimonitor.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class PageFormatTest {

    private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 11, 24, 12, 0, 0, 0, ZoneOffset.UTC);
    private final PageFormat fmt = new PageFormat();

    @Test
    void agesReadNaturally() {
        assertEquals("never", PageFormat.ago(null, NOW));
        assertEquals("5 s ago", PageFormat.ago(NOW.minusSeconds(5), NOW));
        assertEquals("3 min ago", PageFormat.ago(NOW.minusMinutes(3), NOW));
        assertEquals("5 h ago", PageFormat.ago(NOW.minusHours(5), NOW));
        assertEquals("3 days ago", PageFormat.ago(NOW.minusDays(3), NOW));
        assertEquals("0 s ago", PageFormat.ago(NOW.plusSeconds(4), NOW), "clock skew between instances is not negative time");
    }

    @Test
    void timesAreShownInUtcWhateverTheirOffset() {
        assertEquals("2026-11-24 10:00:00 UTC", fmt.time(OffsetDateTime.of(2026, 11, 24, 12, 0, 0, 0, ZoneOffset.ofHours(2))));
        assertEquals("", fmt.time(null));
    }

    @Test
    void everyFailureKindHasAHintAndOkHasNone() {
        for (var outcome : com.ipmimonitor.collection.entity.PollOutcome.values()) {
            assertEquals(outcome.name().equals("OK"), fmt.hint(outcome.name()).isEmpty(), outcome.name());
        }
        assertTrue(fmt.hint("AUTH_FAILED").contains("Settings"));
        assertEquals("", fmt.hint(null));
    }

    private static com.ipmimonitor.overview.boundary.ServerView server(String outcome, int port, Integer suite,
                                                                    Integer selPercent, boolean overflow) {
        return new com.ipmimonitor.overview.boundary.ServerView("127.78.0.7", port, "node7", null, true, false, false, null,
                "ON", false, outcome, "no answer", null, null, 10, 0, 0, 0, 0, selPercent, overflow, suite,
                7, false, 0, 0, 0, 0, 0);
    }

    @Test
    void theUnreachableHintNamesTheServersOwnPortAndCipherSuite() {
        String hint = fmt.hintFor(server("UNREACHABLE", 6230, 17, null, false));
        assertTrue(hint.contains("UDP port 6230 of 127.78.0.7"), hint);
        assertTrue(hint.contains("cipher suite 17"), hint);
        assertTrue(!hint.contains("623 ") && !hint.contains("suite 3"), hint);
        fmt.defaultCipherSuite = 6;
        String byDefault = fmt.hintFor(server("UNREACHABLE", 623, null, null, false));
        assertTrue(byDefault.contains("UDP port 623 of") && byDefault.contains("cipher suite 6 (ipmitool -I lanplus -C 6)"), byDefault);
        assertTrue(fmt.hintFor(server("PROTOCOL_ERROR", 6230, null, null, false)).contains("UDP port 6230"));
        assertEquals(fmt.hint("AUTH_FAILED"), fmt.hintFor(server("AUTH_FAILED", 6230, null, null, false)));
        assertEquals("", fmt.hintFor(server("OK", 6230, null, null, false)));
    }

    @Test
    void theSelFillReadsAsPercentOrLostEventsWithItsColour() {
        assertEquals("SEL 42 % used", fmt.sel(server("OK", 623, null, 42, false)));
        assertEquals("ok", fmt.selClass(server("OK", 623, null, 42, false)));
        assertEquals("SEL 93 % used", fmt.sel(server("OK", 623, null, 93, false)));
        assertEquals("warning", fmt.selClass(server("OK", 623, null, 93, false)));
        assertEquals("SEL full, events lost", fmt.sel(server("OK", 623, null, 100, true)));
        assertEquals("critical", fmt.selClass(server("OK", 623, null, 100, true)));
        assertEquals("critical", fmt.selClass(server("OK", 623, null, null, true)), "overflowed, percentage unknown");
        assertEquals("", fmt.sel(server("OK", 623, null, null, false)));
        assertEquals("", fmt.selClass(server("OK", 623, null, null, false)));
    }

    @Test
    void numbersDropAUselessFractionAndMissingOnesShowAsADash() {
        assertEquals("85", fmt.number(85.0));
        assertEquals("12.06", fmt.number(12.06));
        assertEquals("-0.5", fmt.number(-0.5));
        assertEquals("-", fmt.number(null));
    }

    @Test
    void thresholdsShowWhichOnesTheBmcHas() {
        assertEquals("- / 5 / 10", fmt.thresholds(null, 5.0, 10.0));
        assertEquals("", fmt.thresholds(null, null, null));
    }
}
