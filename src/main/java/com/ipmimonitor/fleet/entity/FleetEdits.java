package com.ipmimonitor.fleet.entity;

import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the writes of server rows in this JVM, so that a read model kept for a moment (the fleet overview) can tell
 * that a server was added, changed or deleted here and read again at once. Writes of another instance do not show
 * here: such a read model must also bound its age.
 */
public class FleetEdits {

    private static final AtomicLong GENERATION = new AtomicLong();

    /** Grows with every server row this JVM inserted, updated or deleted. */
    public static long generation() {
        return GENERATION.get();
    }

    @PostPersist
    @PostUpdate
    @PostRemove
    void written(Object server) {
        GENERATION.incrementAndGet();
    }
}
