package com.ipmimonitor.web.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.ipmimonitor.events.boundary.EventFilter;
import com.ipmimonitor.events.boundary.EventQueries;
import com.ipmimonitor.events.boundary.EventStores;
import com.ipmimonitor.events.boundary.EventView;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The dashboard's event list is read once for the views of a moment, and again at once after events were stored. */
class RecentEventsTest {

    private final AtomicInteger reads = new AtomicInteger();
    private final Deque<Runnable> renewals = new ArrayDeque<>();
    private final RecentEvents recent = new RecentEvents() {
        @Override
        Executor renewer() {
            return renewals::add;
        }
    };

    RecentEventsTest() {
        recent.events = new EventQueries() {
            @Override
            public List<EventView> find(EventFilter filter) {
                reads.incrementAndGet();
                return List.of();
            }
        };
    }

    @Test
    void viewsOfOneMomentShareOneReadingPerRangeAndSeverity() {
        EventFilter day = EventFilter.recent(24, 50);
        List<EventView> first = recent.of(day);
        assertSame(first, recent.of(EventFilter.recent(24, 50)));
        assertEquals(1, reads.get());
        recent.of(EventFilter.recent(1, 50));
        assertEquals(2, reads.get(), "another range is another list");
    }

    @Test
    void storedEventsShowAtTheNextView() {
        EventFilter week = EventFilter.recent(168, 50);
        recent.of(week);
        EventStores.countOneStore();
        recent.of(week);
        assertEquals(2, reads.get());
        EventStores.countOneDeletion();
        recent.of(week);
        assertEquals(3, reads.get());
    }

    @Test
    void aReadingPastHalfItsAgeIsRenewedAsideWhileViewsGoOn() throws InterruptedException {
        EventFilter hour = EventFilter.recent(1, 50);
        recent.of(hour);
        Thread.sleep(RecentEvents.MAX_AGE.toMillis() / 2 + 50);
        recent.of(hour);
        assertEquals(1, reads.get(), "the view did not wait for a read");
        assertNotEquals(0, renewals.size());
        renewals.poll().run();
        assertEquals(2, reads.get());
    }
}
