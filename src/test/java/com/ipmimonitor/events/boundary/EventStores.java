package com.ipmimonitor.events.boundary;

/** For tests of other features' read models: what SelIngest and SystemEvents tell EventCounts after a commit. */
public final class EventStores {

    private EventStores() {
    }

    public static void countOneStore() {
        EventCounts.stored();
    }

    /** Also drops the counts EventCounts keeps, as a real deletion does. */
    public static void countOneDeletion() {
        EventCounts.forget();
    }
}
