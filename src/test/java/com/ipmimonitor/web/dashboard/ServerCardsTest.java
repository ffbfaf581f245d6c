package com.ipmimonitor.web.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ipmimonitor.overview.boundary.ServerView;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ServerCardsTest {

    private static ServerView server(String name, String bmcIp, String outcome, long critical, long warning) {
        return new ServerView(bmcIp, 623, name, "10.0.0." + bmcIp.substring(bmcIp.lastIndexOf('.') + 1), true, false,
                true, null, "ON", "OK".equals(outcome), outcome, null, null, null, 10, critical, warning, 0,
                critical + warning, null, false, null, 1, false, critical, warning, 0, critical + warning, critical + warning);
    }

    private static List<String> names(ServerCards.Page page) {
        return page.shown().stream().map(ServerView::serverName).toList();
    }

    @Test
    void serversThatNeedSomeoneComeFirst() {
        var fleet = List.of(server("alpha", "127.0.0.1", "OK", 0, 0), server("bravo", "127.0.0.2", "OK", 0, 3),
                server("charlie", "127.0.0.3", "UNREACHABLE", 0, 0), server("delta", "127.0.0.4", "OK", 2, 0),
                server("echo", "127.0.0.5", null, 0, 0), server("Foxtrot", "127.0.0.6", "AUTH_FAILED", 5, 0));

        var page = ServerCards.page(fleet, "", 0, 10);

        assertEquals(List.of("Foxtrot", "charlie", "delta", "bravo", "alpha", "echo"), names(page));
    }

    @Test
    void aFleetReadingIsSortedOnceForAllItsViewsAndAnotherReadingAnew() {
        var reading = List.of(server("alpha", "127.0.0.1", "OK", 0, 0), server("bravo", "127.0.0.2", "OK", 4, 0));
        var sorted = FleetSummary.of(reading).attentionFirst();
        assertSame(sorted, FleetSummary.of(reading).attentionFirst());
        assertEquals(List.of("bravo", "alpha"), sorted.stream().map(ServerView::serverName).toList());

        var next = List.of(server("alpha", "127.0.0.1", "OK", 9, 0), server("bravo", "127.0.0.2", "OK", 4, 0));
        assertEquals(List.of("alpha", "bravo"),
                ServerCards.page(next, "", 0, 10).shown().stream().map(ServerView::serverName).toList(),
                "a new reading of the fleet is sorted again, even with equal servers in it");
    }

    @Test
    void theStatCardsSumTheReading() {
        var reading = List.of(server("alpha", "127.0.0.1", "OK", 2, 1), server("bravo", "127.0.0.2", "UNREACHABLE", 4, 0),
                server("charlie", "127.0.0.3", "OK", 0, 5));
        FleetSummary summary = FleetSummary.of(reading);
        assertEquals(2, summary.reachable());
        assertEquals(6, summary.critical());
        assertEquals(6, summary.warning());
        assertEquals(12, summary.total());
        assertEquals(0, summary.selFull());
    }

    @Test
    void aThousandServersArePagedAndTheLastPageHoldsTheRest() {
        var fleet = IntStream.rangeClosed(1, 1000)
                .mapToObj(i -> server("node-%04d".formatted(i), "127.81.%d.%d".formatted(i / 200, i % 200 + 1), "OK", 0, 0))
                .toList();

        var first = ServerCards.page(fleet, null, 0, ServerCards.PAGE_SIZE);
        var last = ServerCards.page(fleet, null, 20, ServerCards.PAGE_SIZE);

        assertEquals(48, first.shown().size());
        assertEquals(21, first.pages());
        assertEquals(1000, first.matching());
        assertEquals(1, first.first());
        assertEquals(48, first.last());
        assertFalse(first.hasPrevious());
        assertTrue(first.hasNext());
        assertEquals("node-0001", first.shown().get(0).serverName());
        assertEquals(List.of("node-0961", "node-1000"), List.of(names(last).get(0), names(last).get(39)));
        assertEquals(961, last.first());
        assertEquals(1000, last.last());
        assertTrue(last.hasPrevious());
        assertFalse(last.hasNext());
    }

    @Test
    void aPageBeyondTheEndShowsTheLastOneAndANegativeOneTheFirst() {
        var fleet = IntStream.rangeClosed(1, 5).mapToObj(i -> server("n" + i, "127.0.0." + i, "OK", 0, 0)).toList();

        assertEquals(List.of("n5"), names(ServerCards.page(fleet, "", 7, 2)));
        assertEquals(2, ServerCards.page(fleet, "", 7, 2).number());
        assertEquals(List.of("n1", "n2"), names(ServerCards.page(fleet, "", -3, 2)));
    }

    @Test
    void theFilterMatchesNameOrAddressesIgnoringCase() {
        var fleet = List.of(server("gpu-node-01", "127.0.0.1", "OK", 0, 0), server("db-01", "127.0.0.2", "OK", 0, 0),
                server("GPU-node-02", "127.0.0.33", "OK", 0, 0));

        assertEquals(List.of("gpu-node-01", "GPU-node-02"), names(ServerCards.page(fleet, "  gpu ", 0, 10)));
        assertEquals(List.of("GPU-node-02"), names(ServerCards.page(fleet, "127.0.0.33", 0, 10)));
        assertEquals(List.of("db-01"), names(ServerCards.page(fleet, "10.0.0.2", 0, 10)), "the host address too");
    }

    @Test
    void nothingMatchingIsAnEmptyFirstPage() {
        var page = ServerCards.page(List.of(server("a", "127.0.0.1", "OK", 0, 0)), "zzz", 3, 10);

        assertEquals(List.of(), page.shown());
        assertEquals(0, page.matching());
        assertEquals(0, page.first());
        assertEquals(0, page.last());
        assertEquals(1, page.pages());
        assertFalse(page.hasNext());
        assertFalse(page.hasPrevious());
    }
}
