package com.ipmimonitor.redfish.control;

import com.ipmimonitor.redfish.entity.LogCursor;
import com.ipmimonitor.redfish.entity.RedfishEvent;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a log's entries incrementally: only what came after the stored cursor.
 * <ul>
 * <li>Where $top/$skip work, one window around the stored newest entry (the anchor) is asked for: oldest-first
 * logs from $skip=count-1, newest-first logs (iDRAC) from the top with $top=new+1 after a $top=1 probe. A
 * steady-state poll of a 5,000-entry log then transfers one entry, not 5,000.</li>
 * <li>The window is trusted only when the anchor sits where it must; otherwise (a clear, a wrap, a service that
 * ignores $top/$skip) the pages are scanned from the start following Members@odata.nextLink. A service seen to
 * ignore $top/$skip is scanned from then on (LogCursor.topSkipWorks); newest-first logs are scanned only up to
 * the anchor.</li>
 * <li>A log that no longer holds the anchor was cleared: every entry it holds is new, and the caller keeps the
 * history it stored.</li>
 * </ul>
 */
public final class LogReader {

    /** New entries oldest first, whether the log was cleared since, and the cursor to store. */
    public record LogRead(List<RedfishEvent> events, boolean cleared, LogCursor cursor) {
    }

    private final RedfishClient client;

    public LogReader(RedfishClient client) {
        this.client = client;
    }

    /** @param serviceTopSkip the service root's TopSkipQuery; Optional.of(false) means never try $top/$skip */
    public LogRead read(String entries, Optional<LogCursor> cursor, Optional<Boolean> serviceTopSkip) {
        if (cursor.isPresent() && cursor.get().topSkipWorks() && serviceTopSkip.orElse(true)) {
            LogCursor c = cursor.get();
            Optional<LogRead> windowed = c.newestFirst() ? newestFirstWindow(entries, c) : oldestFirstWindow(entries, c);
            if (windowed.isPresent()) {
                return windowed.get();
            }
        }
        return scan(entries, cursor, serviceTopSkip);
    }

    private Optional<LogRead> oldestFirstWindow(String entries, LogCursor c) {
        if (c.count() == 0) {
            return Optional.empty();
        }
        Listing window = list(entries + query("$skip=" + (c.count() - 1)), Integer.MAX_VALUE, Optional.empty());
        if (window.total < c.count() || window.entries.isEmpty() || !anchorAt(window.entries, 0, c)) {
            return Optional.empty();
        }
        List<RedfishEvent> fresh = window.entries.subList(1, window.entries.size());
        return Optional.of(done(fresh, false, c, window.total));
    }

    private Optional<LogRead> newestFirstWindow(String entries, LogCursor c) {
        Listing probe = list(entries + query("$top=1"), 1, Optional.empty());
        int fresh = probe.total - c.count();
        if (fresh < 0 || probe.entries.isEmpty() || c.count() == 0) {
            return Optional.empty();
        }
        Listing window = fresh == 0 ? probe : list(entries + query("$top=" + (fresh + 1)), fresh + 1,
                Optional.empty());
        if (!anchorAt(window.entries, fresh, c)) {
            return Optional.empty();
        }
        return Optional.of(done(NewEntries.oldestFirst(window.entries.subList(0, fresh), true), false, c,
                window.total));
    }

    private LogRead scan(String entries, Optional<LogCursor> cursor, Optional<Boolean> serviceTopSkip) {
        boolean newestFirst = cursor.map(LogCursor::newestFirst).orElse(false);
        Optional<String> stopAt = newestFirst ? cursor.flatMap(LogCursor::lastId) : Optional.empty();
        Listing all = list(entries, Integer.MAX_VALUE, stopAt);
        if (cursor.isEmpty()) {
            newestFirst = NewEntries.newestFirst(all.entries);
        }
        NewEntries.Selection selection = NewEntries.select(all.entries, cursor, newestFirst);
        boolean tried = cursor.filter(LogCursor::topSkipWorks).isPresent() && serviceTopSkip.orElse(true);
        // the anchor sat where the window looked: the window failed only because $top/$skip were ignored
        boolean ignored = tried && !selection.cleared()
                && selection.anchorIndex() == expectedIndex(cursor.get(), all.total);
        boolean topSkipWorks = serviceTopSkip.orElse(true) && cursor.map(LogCursor::topSkipWorks).orElse(true)
                && !ignored;
        Optional<LogCursor> kept = cursor.filter(c -> !selection.cleared());
        LogCursor previous = new LogCursor(kept.flatMap(LogCursor::lastId), kept.flatMap(LogCursor::lastCreated),
                0, newestFirst, topSkipWorks);
        return done(selection.events(), selection.cleared(), previous, all.total);
    }

    private static int expectedIndex(LogCursor c, int total) {
        return c.newestFirst() ? total - c.count() : c.count() - 1;
    }

    private static boolean anchorAt(List<RedfishEvent> listed, int index, LogCursor c) {
        return index < listed.size() && c.lastId().filter(listed.get(index).id()::equals).isPresent();
    }

    private static LogRead done(List<RedfishEvent> oldestFirst, boolean cleared, LogCursor previous, int total) {
        if (oldestFirst.isEmpty()) {
            return new LogRead(List.of(), cleared, new LogCursor(previous.lastId(), previous.lastCreated(), total,
                    previous.newestFirst(), previous.topSkipWorks()));
        }
        RedfishEvent newest = oldestFirst.get(oldestFirst.size() - 1);
        return new LogRead(List.copyOf(oldestFirst), cleared, new LogCursor(Optional.of(newest.id()),
                newest.created(), total, previous.newestFirst(), previous.topSkipWorks()));
    }

    private record Listing(List<RedfishEvent> entries, int total) {
    }

    /** Pages from uri on, following nextLink, until `wanted` entries or the entry stopAt is read. */
    private Listing list(String uri, int wanted, Optional<String> stopAt) {
        List<RedfishEvent> listed = new ArrayList<>();
        Optional<String> next = Optional.of(uri);
        int total = -1;
        while (next.isPresent() && listed.size() < wanted) {
            MemberPage page = ResourceMapping.page(client.get(next.get()));
            if (total < 0) {
                total = page.total().orElse(-1);
            }
            for (JsonObject member : page.members()) {
                RedfishEvent event = LogEntryMapping.event(member);
                listed.add(event);
                if (stopAt.filter(event.id()::equals).isPresent()) {
                    return new Listing(listed, total < 0 ? listed.size() : total);
                }
            }
            next = page.nextLink();
        }
        return new Listing(listed, total < 0 ? listed.size() : total);
    }

    private static String query(String parameter) {
        return "?" + parameter;
    }
}
