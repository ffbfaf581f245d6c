package com.ipmimonitor.events.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.ipmimonitor.events.entity.SelEvent;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which deassertion of a statement an assertion of the same statement is stored closed with. */
class ConditionClosingTest {

    private static final OffsetDateTime T0 = OffsetDateTime.of(2026, 11, 1, 12, 0, 0, 0, ZoneOffset.UTC);
    private int nextId = 1;

    private SelEvent event(Integer minute, int sensor, int offset, boolean deassertion) {
        int id = nextId++;
        OffsetDateTime at = minute == null ? null : T0.plusMinutes(minute);
        return new SelEvent(7L, id, 2, at, null, false, "Fan", 4, sensor, "FAN", 1, offset, deassertion, "x", null,
                "00", "fp" + id, T0);
    }

    @Test
    void theFirstMatchingDeassertionInListOrderCloses() {
        SelEvent assertion = event(0, 0x30, 2, false);
        SelEvent first = event(5, 0x30, 2, true);
        SelEvent second = event(3, 0x30, 2, true);
        Map<SelEvent, SelEvent> closers = ConditionClosing.closers(List.of(assertion, first, second), List.of(first, second));
        assertSame(first, closers.get(assertion));
        assertEquals(1, closers.size());
    }

    @Test
    void anotherConditionOrALaterAssertionIsNotClosed() {
        SelEvent otherSensor = event(0, 0x31, 2, false);
        SelEvent otherOffset = event(0, 0x30, 4, false);
        SelEvent later = event(9, 0x30, 2, false);
        SelEvent deassertion = event(5, 0x30, 2, true);
        assertEquals(Map.of(), ConditionClosing.closers(List.of(otherSensor, otherOffset, later, deassertion),
                List.of(deassertion)));
    }

    @Test
    void anAssertionWhoseFirstCloserIsUntimedIsLeftToTheUpdate() {
        // the UPDATE stamps an untimed deassertion's close with the transaction's time, which Java does not know
        SelEvent assertion = event(0, 0x30, 2, false);
        SelEvent untimed = event(null, 0x30, 2, true);
        SelEvent timed = event(5, 0x30, 2, true);
        assertFalse(ConditionClosing.closers(List.of(assertion, untimed, timed), List.of(untimed, timed))
                .containsKey(assertion));
    }

    @Test
    void onlyTheGivenDeassertionsClose() {
        SelEvent assertion = event(0, 0x30, 2, false);
        SelEvent notStored = event(5, 0x30, 2, true);
        assertEquals(Map.of(), ConditionClosing.closers(List.of(assertion, notStored), List.of()));
    }
}
