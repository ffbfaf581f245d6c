package com.ipmimonitor.events.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.ipmimonitor.events.entity.SelEvent;
import com.ipmimonitor.ipmi.Severity;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class EventViewTest {

    private static final OffsetDateTime T = OffsetDateTime.of(2026, 1, 2, 3, 4, 5, 0, ZoneOffset.UTC);

    private static SelEvent event(int recordId, Integer sensorNumber, String sensorName, boolean deassertion)
            throws ReflectiveOperationException {
        SelEvent e = new SelEvent(1L, recordId, 2, T, 1L, false, "Memory", 0x0c, sensorNumber, sensorName, 0x6f, 0,
                deassertion, "Correctable ECC", null, "d4040200", "fp", T);
        e.classify(Severity.WARNING);
        var id = SelEvent.class.getDeclaredField("id"); // the database assigns it
        id.setAccessible(true);
        id.set(e, 7L);
        return e;
    }

    @Test
    void theOriginalsFieldsReadAsIpmitoolPrintsThem() throws ReflectiveOperationException {
        EventView v = EventView.of(event(1236, 0xd1, "CPU1_ECC1", false), "10.0.0.1", "node");
        assertEquals("4d4", v.selId());
        assertEquals(1236, v.recordId());
        assertEquals("#0xd1", v.sensorId());
        assertEquals("0xd1", v.sensorNumber());
        assertEquals("Correctable ECC | Asserted [CPU1_ECC1]", v.eventDescription());
        assertEquals(v.summary(), v.eventDescription());
        assertEquals("Correctable ECC", v.description());
    }

    @Test
    void smallIdsAndUnknownSensors() throws ReflectiveOperationException {
        EventView v = EventView.of(event(5, null, null, true), "10.0.0.1", "node");
        assertEquals("5", v.selId());
        assertNull(v.sensorId());
        assertEquals("Correctable ECC | Deasserted", v.eventDescription());
    }
}
