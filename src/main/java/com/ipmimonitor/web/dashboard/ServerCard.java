package com.ipmimonitor.web.dashboard;

import com.ipmimonitor.overview.boundary.ServerView;
import com.ipmimonitor.web.PageFormat;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * One server card as the dashboard's page reads it, by bean properties. The page read the record's accessors as EL
 * method calls (#{s.bmcIp()}), and EL looks each such call up by reflection, copying every method of the record:
 * about 20 calls per card, 48 cards a view, a tenth of the view's CPU; bean properties are looked up once per class.
 */
public final class ServerCard {

    private final ServerView server;

    ServerCard(ServerView server) {
        this.server = server;
    }

    /** For the page's formatting functions (fmt.selClass, fmt.hintFor). */
    public ServerView getServer() {
        return server;
    }

    public String getName() {
        return server.serverName();
    }

    public String getBmcIp() {
        return server.bmcIp();
    }

    /** reachable, pending (never polled) or unreachable: the card's colour. */
    public String getState() {
        if (server.isReachable()) {
            return "reachable";
        }
        return server.lastOutcome() == null ? "pending" : "unreachable";
    }

    public String getPowerStatus() {
        return server.powerStatus();
    }

    public String getPowerClass() {
        return "ON".equals(server.powerStatus()) ? "on" : "off";
    }

    public String getOutcome() {
        return server.lastOutcome() == null ? "not polled yet" : server.lastOutcome();
    }

    public String getOutcomeClass() {
        return "OK".equals(server.lastOutcome()) ? "ok" : "fail";
    }

    /** The last poll failed: the card says why and what to check. */
    public boolean isFailed() {
        return ServerCards.failing(server);
    }

    /** How full the SEL is, in words (fmt.sel), "" when not known. */
    public String getSel() {
        return server.selFill().describe();
    }

    public OffsetDateTime getLastSuccess() {
        return server.lastSuccess();
    }

    /** "12 s ago", "never" (fmt.ago). */
    public String getLastCollected() {
        return PageFormat.ago(server.lastSuccess(), OffsetDateTime.now(ZoneOffset.UTC));
    }

    /** The SEL line's colour (fmt.selClass). */
    public String getSelClass() {
        return PageFormat.selClass(server.selFill());
    }

    public long getCritical() {
        return server.criticalCount();
    }

    public long getWarning() {
        return server.warningCount();
    }

    public long getInfo() {
        return server.infoCount();
    }
}
