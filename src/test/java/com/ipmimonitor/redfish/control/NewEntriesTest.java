package com.ipmimonitor.redfish.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ipmimonitor.ipmi.Severity;
import com.ipmimonitor.redfish.entity.LogCursor;
import com.ipmimonitor.redfish.entity.RedfishEvent;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class NewEntriesTest {

    private static RedfishEvent event(int id) {
        return new RedfishEvent(String.valueOf(id), Optional.of(Instant.ofEpochSecond(1_700_000_000L + id * 60L)),
                "m" + id, "X", Severity.INFO, Optional.empty(), false, false);
    }

    private static List<RedfishEvent> events(int from, int to) {
        return IntStream.rangeClosed(from, to).mapToObj(NewEntriesTest::event).toList();
    }

    private static Optional<LogCursor> cursorAt(int id, int count, boolean newestFirst) {
        return Optional.of(new LogCursor(Optional.of(String.valueOf(id)), Optional.empty(), count, newestFirst, true));
    }

    private static List<String> ids(List<RedfishEvent> events) {
        return events.stream().map(RedfishEvent::id).toList();
    }

    @Test
    void oldestFirstLogsHaveTheirNewEntriesAfterTheAnchor() {
        NewEntries.Selection s = NewEntries.select(events(1, 8), cursorAt(5, 5, false), false);
        assertEquals(List.of("6", "7", "8"), ids(s.events()));
        assertFalse(s.cleared());
        assertEquals(4, s.anchorIndex());
    }

    @Test
    void newestFirstLogsHaveThemBeforeTheAnchorAndComeOutOldestFirst() {
        List<RedfishEvent> listed = NewEntries.oldestFirst(events(1, 8), true);
        NewEntries.Selection s = NewEntries.select(listed, cursorAt(5, 5, true), true);
        assertEquals(List.of("6", "7", "8"), ids(s.events()));
        assertEquals(3, s.anchorIndex());
    }

    @Test
    void aLogWithoutTheAnchorWasClearedAndEverythingInItIsNew() {
        NewEntries.Selection s = NewEntries.select(events(1, 2), cursorAt(5000, 5000, false), false);
        assertTrue(s.cleared());
        assertEquals(List.of("1", "2"), ids(s.events()));
    }

    @Test
    void theFirstReadTakesEverythingAndAnEmptyLogIsNoClear() {
        assertEquals(8, NewEntries.select(events(1, 8), Optional.empty(), false).events().size());
        Optional<LogCursor> empty = Optional.of(new LogCursor(Optional.empty(), Optional.empty(), 0, false, true));
        NewEntries.Selection s = NewEntries.select(events(1, 2), empty, false);
        assertFalse(s.cleared());
        assertEquals(2, s.events().size());
    }

    @Test
    void theOrderIsToldByDatesElseByNumericIds() {
        List<RedfishEvent> dell = ResourceMapping.page(Fixtures.json("dell", "entries-managers-1-Sel-page1"))
                .members().stream().map(LogEntryMapping::event).toList();
        assertTrue(NewEntries.newestFirst(dell), "iDRAC lists its SEL newest first");
        List<RedfishEvent> openbmc = ResourceMapping.page(Fixtures.json("openbmc",
                "entries-systems-1-EventLog-page1")).members().stream().map(LogEntryMapping::event).toList();
        assertFalse(NewEntries.newestFirst(openbmc));
        RedfishEvent a = new RedfishEvent("12", Optional.empty(), "", "", Severity.INFO, Optional.empty(), false,
                false);
        RedfishEvent b = new RedfishEvent("3", Optional.empty(), "", "", Severity.INFO, Optional.empty(), false,
                false);
        assertTrue(NewEntries.newestFirst(List.of(a, b)));
        assertFalse(NewEntries.newestFirst(List.of(a)));
    }
}
