package com.ipmimonitor.web.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ipmimonitor.overview.boundary.ServerView;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a card shows, as the page's expressions said it before they read bean properties. */
class ServerCardTest {

    private static ServerView server(String power, boolean reachable, String outcome, Integer selPercent) {
        return new ServerView("127.0.0.5", 623, "node-5", null, true, false, true, null, power, reachable, outcome,
                null, null, null, 10, 3, 2, 1, 6, selPercent, false, null, 5, false, 3, 2, 1, 6, 6);
    }

    @Test
    void aReachableServerThatIsOn() {
        ServerCard card = new ServerCard(server("ON", true, "OK", 40));
        assertEquals("reachable", card.getState());
        assertEquals("on", card.getPowerClass());
        assertEquals("OK", card.getOutcome());
        assertEquals("ok", card.getOutcomeClass());
        assertFalse(card.isFailed());
        assertEquals("node-5", card.getName());
        assertEquals("127.0.0.5", card.getBmcIp());
        assertEquals(List.of(3L, 2L, 1L), List.of(card.getCritical(), card.getWarning(), card.getInfo()));
        assertEquals(card.getServer().selFill().describe(), card.getSel());
        assertEquals("never", card.getLastCollected(), "no successful poll yet");
        assertEquals("ok", card.getSelClass());
    }

    @Test
    void aServerNeverPolled() {
        ServerCard card = new ServerCard(server("UNKNOWN", false, null, null));
        assertEquals("pending", card.getState());
        assertEquals("off", card.getPowerClass());
        assertEquals("not polled yet", card.getOutcome());
        assertEquals("fail", card.getOutcomeClass());
        assertFalse(card.isFailed(), "no hint before the first poll");
        assertEquals("", card.getSel());
    }

    @Test
    void aServerWhoseLastPollFailed() {
        ServerCard card = new ServerCard(server("ON", false, "AUTH_FAILED", 95));
        assertEquals("unreachable", card.getState());
        assertEquals("AUTH_FAILED", card.getOutcome());
        assertEquals("fail", card.getOutcomeClass());
        assertTrue(card.isFailed());
        assertTrue(card.getSel().contains("95"), card.getSel());
        assertEquals("warning", card.getSelClass(), "as fmt.selClass says from 90 %");
    }
}
