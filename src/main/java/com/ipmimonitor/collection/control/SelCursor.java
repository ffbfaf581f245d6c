package com.ipmimonitor.collection.control;

import java.util.Optional;

/**
 * What we knew of a BMC's SEL after the last poll. Last Add Time has one-second resolution and several
 * events often share a second, so a change is judged on the whole tuple, not on the timestamp alone.
 */
public record SelCursor(int entries, long lastAdd, long lastErase, Optional<Integer> lastRecordId) {

    public static final SelCursor UNKNOWN = new SelCursor(-1, -1, -1, Optional.empty());

    public boolean unchanged(int nowEntries, long nowLastAdd, long nowLastErase) {
        return entries == nowEntries && lastAdd == nowLastAdd && lastErase == nowLastErase;
    }

    /** A clear, an overflow wrap or a delete: record ids may be reused, so read everything again. */
    public boolean needsResync(int nowEntries, long nowLastErase) {
        return lastRecordId.isEmpty() || nowEntries < entries || nowLastErase != lastErase;
    }
}
