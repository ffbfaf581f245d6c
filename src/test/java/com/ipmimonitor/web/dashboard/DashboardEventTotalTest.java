package com.ipmimonitor.web.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.ipmimonitor.events.boundary.EventFilter;
import com.ipmimonitor.events.boundary.EventView;
import com.ipmimonitor.overview.boundary.FleetOverview;
import com.ipmimonitor.overview.boundary.ServerView;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The dashboard's "Newest 50 of N": N from the cards' counts of the range, never a count of the range's events. */
class DashboardEventTotalTest {

    private final DashboardBacking backing = new DashboardBacking();

    DashboardEventTotalTest() {
        backing.overview = new FleetOverview() {
            @Override
            public List<ServerView> servers(int hours) {
                return List.of(server("127.0.0.1", 3, 40, 500), server("127.0.0.2", 1, 2, 7));
            }
        };
        backing.recent = new RecentEvents() {
            @Override
            public List<EventView> of(EventFilter filter) {
                return Collections.nCopies(DashboardBacking.RECENT_EVENTS, null);
            }
        };
    }

    private static ServerView server(String bmcIp, long critical, long warning, long info) {
        long total = critical + warning + info;
        return new ServerView(bmcIp, 623, "n" + bmcIp, null, true, false, true, null, "ON", true, "OK", null, null, null,
                10, critical, warning, info, total, null, false, null, 1, false, critical, warning, info, total, total);
    }

    @Test
    void everySeverityTotalComesFromTheCards() {
        assertEquals("Newest 50 of 553", backing.getEventsShown());
        backing.setEventSeverity("critical");
        assertEquals(4, backing.getEventTotal());
        backing.setEventSeverity("warning");
        assertEquals(42, backing.getEventTotal());
        backing.setEventSeverity("info");
        assertEquals(507, backing.getEventTotal());
    }
}
