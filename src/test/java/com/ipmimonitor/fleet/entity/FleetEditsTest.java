package com.ipmimonitor.fleet.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import jakarta.persistence.EntityListeners;
import org.junit.jupiter.api.Test;

/** Each write of a server row counts, and Server is listened to. */
class FleetEditsTest {

    @Test
    void everyWriteMovesTheGeneration() {
        long before = FleetEdits.generation();
        new FleetEdits().written(new Server());
        new FleetEdits().written(new Server());
        assertEquals(before + 2, FleetEdits.generation());
    }

    @Test
    void serverRowsAreListenedTo() {
        EntityListeners listeners = Server.class.getAnnotation(EntityListeners.class);
        assertNotNull(listeners);
        assertEquals(FleetEdits.class, listeners.value()[0]);
    }
}
