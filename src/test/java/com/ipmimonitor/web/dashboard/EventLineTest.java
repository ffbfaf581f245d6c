package com.ipmimonitor.web.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.ipmimonitor.events.boundary.EventView;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** What a line of the dashboard's event list shows, as the page's expressions said it before they read properties. */
class EventLineTest {

    private static final OffsetDateTime HAPPENED = OffsetDateTime.of(2026, 12, 7, 9, 30, 5, 0, ZoneOffset.ofHours(2));
    private static final OffsetDateTime STORED = OffsetDateTime.of(2026, 12, 7, 8, 0, 0, 0, ZoneOffset.UTC);

    private static EventView event(OffsetDateTime eventDate, String direction, String data, boolean timestamped) {
        return new EventView(7, "127.0.0.9", "gpu-09", "0x0007", 7, eventDate, false, "Temperature", "0x30", "#0x30",
                "CPU1 Temp", "Upper Critical going high", "Upper Critical going high", direction, data, "critical",
                "Temperature #0x30 CPU1 Temp | Upper Critical going high", "raw", STORED, null, timestamped);
    }

    @Test
    void anEventWithItsOwnTimeAndData() {
        EventLine line = new EventLine(event(HAPPENED, "Asserted", "Reading 95 > Threshold 90 degrees C", true));
        assertEquals("2026-12-07 07:30:05 UTC", line.getTime(), "in UTC, as fmt.time writes it");
        assertEquals(" | Reading 95 > Threshold 90 degrees C", line.getData());
        assertEquals("critical", line.getSeverity());
        assertEquals("127.0.0.9", line.getBmcIp());
        assertEquals("gpu-09", line.getServerName());
        assertEquals("Temperature #0x30 CPU1 Temp | Upper Critical going high", line.getSummary());
    }

    @Test
    void anEventWithoutItsOwnTimeShowsWhenItWasStored() {
        assertEquals("2026-12-07 08:00:00 UTC", new EventLine(event(null, "Asserted", null, true)).getTime());
    }

    @Test
    void anOemRecordSaysItHasNoTimeAndNoData() {
        EventLine line = new EventLine(event(null, null, "0a 0b", false));
        assertEquals("no time (OEM record)", line.getTime());
        assertEquals("", line.getData(), "data without a direction is not shown");
    }
}
