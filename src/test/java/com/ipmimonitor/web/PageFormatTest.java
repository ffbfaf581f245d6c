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
