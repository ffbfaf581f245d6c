package com.ipmimonitor.overview.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ipmimonitor.events.boundary.EventStores;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A reading of the fleet is shared by the requests of one moment, and dropped when its version changed. (Its JSON
 * is compared with a server's own JSON-B answer by ApiIT: JSON-B has no implementation on the unit tests' path.)
 */
class FleetOverviewListingTest {

    private final AtomicInteger reads = new AtomicInteger();
    private long writes;
    private final Deque<Runnable> renewals = new ArrayDeque<>();

    private final FleetOverview overview = new FleetOverview() {
        @Override
        public FleetListing read(int hours) {
            reads.incrementAndGet();
            return new FleetListing(List.of(server("127.0.0.1", hours), server("127.0.0.2", hours)));
        }

        @Override
        long version() {
            return writes;
        }

        @Override
        FleetOverview self() {
            return this;
        }

        @Override
        Executor renewer() {
            return renewals::add;
        }
    };

    private static ServerView server(String bmcIp, long critical) {
        return new ServerView(bmcIp, 623, "node " + bmcIp, null, true, false, false, null, "ON", true, "OK", null,
                null, null, 3, critical, 0, 0, critical, 10, false, null, 1, false, critical, 0, 0, critical, 9);
    }

    @BeforeEach
    void freshCache() {
        FleetOverview.forgetListings();
    }

    @Test
    void requestsOfOneMomentShareOneReading() {
        FleetListing first = overview.listing(24);
        assertSame(first, overview.listing(24));
        assertSame(first.servers().get(1), overview.find("127.0.0.2", 24).orElseThrow());
        assertEquals(1, reads.get());
        overview.listing(48);
        assertEquals(2, reads.get(), "each window has its own reading");
    }

    @Test
    void aNewVersionIsReadAtOnce() {
        overview.listing(24);
        writes++;
        overview.listing(24);
        assertEquals(2, reads.get());
    }

    @Test
    void aReadingIsNotKeptLongerThanMaxAge() throws InterruptedException {
        overview.listing(24);
        Thread.sleep(FleetOverview.MAX_AGE.toMillis() + 50);
        overview.listing(24);
        assertEquals(2, reads.get());
    }

    @Test
    void pastHalfMaxAgeARequestIsAnsweredAtOnceWhileTheNextReadingIsMadeAside() throws InterruptedException {
        FleetListing first = overview.listing(24);
        Thread.sleep(FleetOverview.MAX_AGE.toMillis() / 2 + 50);
        assertSame(first, overview.listing(24), "no request waits for a reading that only time made necessary");
        assertEquals(1, reads.get());
        assertEquals(1, renewals.size());
        renewals.poll().run();
        assertEquals(2, reads.get());
        FleetListing renewed = overview.listing(24);
        assertNotSame(first, renewed);
        assertSame(renewed, overview.listing(24));
        assertEquals(2, reads.get());
    }

    @Test
    void windowsThePagesDoNotOfferAreNotKept() {
        assertFalse(FleetOverview.keeps(5));
        overview.listing(5);
        overview.listing(5);
        assertEquals(2, reads.get(), "any hours value a request names would otherwise stay in memory");
        assertTrue(FleetOverview.keeps(24));
    }

    @Test
    void eventsStoredOrDeletedInThisJvmMakeANewVersionWithoutAskingTheDatabase() {
        FleetOverview real = new FleetOverview(); // no EventCounts bean: the version needs no query
        long before = real.version();
        assertEquals(before, real.version());
        EventStores.countOneStore();
        long stored = real.version();
        assertNotEquals(before, stored, "an event stored through this instance shows at the next request");
        EventStores.countOneDeletion();
        assertNotEquals(stored, real.version(), "so do deleted events");
    }
}
