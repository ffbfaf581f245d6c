package com.ipmimonitor.events.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ipmimonitor.events.entity.SelEvent;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * SelIngest stores many records per INSERT; these pin the split that keeps the outcome of one INSERT per
 * record: a record that a deassertion earlier in the same statement would close starts a new statement.
 */
class InsertChunksTest {

    private static final OffsetDateTime T0 = OffsetDateTime.of(2026, 11, 1, 12, 0, 0, 0, ZoneOffset.UTC);
    private int nextId = 1;

    private SelEvent event(int minute, int sensor, int offset, boolean deassertion) {
        return event(T0.plusMinutes(minute), sensor, offset, deassertion);
    }

    private SelEvent event(OffsetDateTime at, int sensor, int offset, boolean deassertion) {
        int id = nextId++;
        return new SelEvent(7L, id, 2, at, at == null ? null : at.toEpochSecond(), false, "Fan", 4, sensor, "FAN" + sensor,
                1, offset, deassertion, "Lower Critical going low", null, "00", "fp" + id, T0);
    }

    private static List<Integer> sizes(List<List<SelEvent>> chunks) {
        return chunks.stream().map(List::size).toList();
    }

    @Test
    void withoutDeassertionsOnlyTheSizeLimitSplits() {
        List<SelEvent> events = new ArrayList<>();
        for (int i = 0; i < 1201; i++) {
            events.add(event(i, 0x30, 2, false));
        }
        assertEquals(List.of(500, 500, 201), sizes(InsertChunks.chunks(events, 500)));
        assertEquals(List.of(), InsertChunks.chunks(List.of(), 500));
    }

    @Test
    void anAssertionAfterAMatchingDeassertionStartsANewStatement() {
        List<SelEvent> events = List.of(event(0, 0x30, 2, false), event(1, 0x30, 2, true),
                // same time as the deassertion: its update (event_time <= deassertion time) would close it
                event(1, 0x30, 2, false), event(2, 0x30, 2, false));
        assertEquals(List.of(2, 2), sizes(InsertChunks.chunks(events, 500)));
    }

    @Test
    void laterAssertionsAndOtherSensorsDoNotSplit() {
        List<SelEvent> events = List.of(event(0, 0x30, 2, false), event(1, 0x30, 2, true),
                event(2, 0x30, 2, false),   // after the deassertion's time: not closed by it
                event(0, 0x31, 2, false),   // other sensor
                event(0, 0x30, 4, false),   // other offset
                event(0, 0x30, 2, true));   // another deassertion is never closed
        assertEquals(List.of(6), sizes(InsertChunks.chunks(events, 500)));
    }

    @Test
    void untimedDeassertionOrAssertionSplits() {
        SelEvent untimedDeassertion = event(null, 0x30, 2, true);
        assertTrue(ConditionClosing.wouldClose(untimedDeassertion, event(99, 0x30, 2, false)));
        assertTrue(ConditionClosing.wouldClose(event(5, 0x30, 2, true), event(null, 0x30, 2, false)));
        assertEquals(List.of(2, 1), sizes(InsertChunks.chunks(
                List.of(event(0, 0x30, 2, false), untimedDeassertion, event(99, 0x30, 2, false)), 500)));
    }

    @Test
    void offsetOfADeassertionWithoutOneIsZeroAsInItsUpdate() {
        SelEvent noOffset = new SelEvent(7L, 1, 2, T0, T0.toEpochSecond(), false, "Fan", 4, 0x30, "FAN", 1, null, true,
                "x", null, "00", "fpx", T0);
        assertTrue(ConditionClosing.wouldClose(noOffset, event(0, 0x30, 0, false)));
        assertFalse(ConditionClosing.wouldClose(noOffset, event(0, 0x30, 2, false)));
    }

    @Test
    void aDeassertionWithoutSensorNumberClosesNothing() {
        SelEvent oem = new SelEvent(7L, 1, 0xc1, T0, T0.toEpochSecond(), false, null, null, null, null, null, null, true,
                "OEM", null, "00", "fpo", T0);
        assertFalse(ConditionClosing.wouldClose(oem, event(0, 0x30, 2, false)));
    }

    @Test
    void closingDeassertionsAreTheStoredOnesThatNameACondition() {
        SelEvent assertion = event(0, 0x30, 2, false);
        SelEvent stored = event(1, 0x30, 2, true);
        SelEvent reRead = event(2, 0x31, 2, true);   // already stored by an earlier poll: not returned by the INSERT
        SelEvent oem = new SelEvent(7L, 99, 0xc1, T0, T0.toEpochSecond(), false, null, null, null, null, null, null, true,
                "OEM", null, "00", "fpo", T0);
        Set<String> inserted = keys(assertion, stored, oem);
        assertEquals(List.of(stored), InsertChunks.closingDeassertions(List.of(assertion, stored, reRead, oem), inserted));
    }

    @Test
    void ofTwoEqualDeassertionsInAChunkOnlyTheFirstWasStored() {
        SelEvent first = event(1, 0x30, 2, true);
        SelEvent again = new SelEvent(7L, first.getRecordId(), 2, first.findEventTime().get(), null, false, "Fan", 4, 0x30,
                "FAN", 1, 2, true, "again", null, "00", first.getFingerprint(), T0);
        List<SelEvent> closing = InsertChunks.closingDeassertions(List.of(first, again), keys(first));
        assertEquals(1, closing.size());
        assertSame(first, closing.get(0));
    }

    @Test
    void anAssertionClosedByADeassertionAnEarlierPollStoredIsOpenedAgain() {
        SelEvent assertion = event(0, 0x30, 2, false);
        SelEvent closedByNew = event(1, 0x31, 2, false);
        SelEvent alreadyStored = event(2, 0x30, 2, true);   // the INSERT skips it: the UPDATE will not close with it
        SelEvent stored = event(3, 0x31, 2, true);
        List<SelEvent> chunk = List.of(assertion, closedByNew, alreadyStored, stored);
        Map<SelEvent, SelEvent> closers = ConditionClosing.closers(chunk, List.of(alreadyStored, stored));
        Set<String> inserted = keys(assertion, closedByNew, stored);
        assertEquals(List.of(assertion), InsertChunks.storedClosedByMistake(chunk, closers, inserted,
                InsertChunks.closingDeassertions(chunk, inserted)));
    }

    @Test
    void aRecordTheInsertSkippedIsNotOpenedAgain() {
        SelEvent reRead = event(0, 0x30, 2, false);        // stored (and maybe closed) by an earlier poll
        SelEvent alreadyStored = event(2, 0x30, 2, true);
        List<SelEvent> chunk = List.of(reRead, alreadyStored);
        Map<SelEvent, SelEvent> closers = ConditionClosing.closers(chunk, List.of(alreadyStored));
        assertEquals(List.of(), InsertChunks.storedClosedByMistake(chunk, closers, Set.of(), List.of()));
    }

    private static Set<String> keys(SelEvent... events) {
        Set<String> keys = new HashSet<>();
        for (SelEvent e : events) {
            keys.add(InsertChunks.key(e.getServerId(), e.getFingerprint()));
        }
        return keys;
    }
}
