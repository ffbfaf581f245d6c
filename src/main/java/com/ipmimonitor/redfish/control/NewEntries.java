package com.ipmimonitor.redfish.control;

import com.ipmimonitor.redfish.entity.LogCursor;
import com.ipmimonitor.redfish.entity.RedfishEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Which entries of a log are new since a cursor, from entries in the order the service lists them. The stored
 * newest entry is the anchor: what lies beyond it is new. When the anchor is gone, the log was cleared (or
 * wrapped past it) and every entry is new. No I/O.
 */
public final class NewEntries {

    /** New entries oldest first; cleared when the log no longer holds the anchor a previous read stored. */
    public record Selection(List<RedfishEvent> events, boolean cleared, int anchorIndex) {
    }

    private NewEntries() {
    }

    public static Selection select(List<RedfishEvent> listed, Optional<LogCursor> cursor, boolean newestFirst) {
        List<RedfishEvent> oldestFirst = oldestFirst(listed, newestFirst);
        Optional<String> anchor = cursor.flatMap(LogCursor::lastId);
        if (anchor.isEmpty()) {
            return new Selection(oldestFirst, false, -1);
        }
        for (int i = 0; i < oldestFirst.size(); i++) {
            if (oldestFirst.get(i).id().equals(anchor.get())) {
                int listedIndex = newestFirst ? oldestFirst.size() - 1 - i : i;
                return new Selection(List.copyOf(oldestFirst.subList(i + 1, oldestFirst.size())), false, listedIndex);
            }
        }
        return new Selection(oldestFirst, true, -1);
    }

    public static List<RedfishEvent> oldestFirst(List<RedfishEvent> listed, boolean newestFirst) {
        List<RedfishEvent> copy = new ArrayList<>(listed);
        if (newestFirst) {
            Collections.reverse(copy);
        }
        return copy;
    }

    /**
     * Whether a service lists its newest entry first, from the first and last entry of a full listing: by Created,
     * else (same second, or no dates) by numeric Id. A log of fewer than two entries tells nothing: oldest first.
     */
    public static boolean newestFirst(List<RedfishEvent> listed) {
        if (listed.size() < 2) {
            return false;
        }
        RedfishEvent first = listed.get(0);
        RedfishEvent last = listed.get(listed.size() - 1);
        Optional<Instant> a = first.created();
        Optional<Instant> b = last.created();
        if (a.isPresent() && b.isPresent() && !a.get().equals(b.get())) {
            return a.get().isAfter(b.get());
        }
        return numeric(first.id()).flatMap(x -> numeric(last.id()).map(y -> x > y)).orElse(false);
    }

    private static Optional<Long> numeric(String id) {
        try {
            return Optional.of(Long.parseLong(id.split("_")[0]));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
