package com.ipmimonitor.web.dashboard;

import com.ipmimonitor.events.boundary.EventQueries;
import com.ipmimonitor.events.boundary.EventView;
import com.ipmimonitor.events.boundary.EventFilter;
import com.ipmimonitor.fleet.boundary.FleetOverview;
import com.ipmimonitor.fleet.boundary.ServerView;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The fleet at a glance: stat cards, a page of server cards (attention first) and the recent events of the range. */
@Named
@ViewScoped
public class DashboardBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The time ranges every page offers, in hours, in the order shown. */
    public static final Map<String, Integer> RANGES = Collections.unmodifiableMap(new LinkedHashMap<>(
            java.util.stream.Stream.of("1h", "6h", "24h", "7d", "30d").collect(java.util.stream.Collectors.toMap(
                    r -> r, DashboardBacking::hoursOf, (a, b) -> a, LinkedHashMap::new))));

    private static int hoursOf(String range) {
        int n = Integer.parseInt(range.substring(0, range.length() - 1));
        return range.endsWith("d") ? n * 24 : n;
    }

    // injected services are transient: a view-scoped bean is serialised with the session
    @Inject
    transient FleetOverview overview;

    @Inject
    transient EventQueries events;

    private String range = "24h";
    private String filter = "";
    // only what the page shows is kept in the view (and so in the session): the totals and one page of cards,
    // not the whole fleet; a page turn or a new filter reads the fleet again (about 20 ms for 1,000 servers)
    private int serverCount;
    private long reachable;
    private long critical;
    private long warning;
    private long selFull;
    private ServerCards.Page cards;
    private List<EventView> recentEvents;

    @PostConstruct
    void load() {
        refresh();
    }

    public void refresh() {
        turnTo(cards == null ? 0 : cards.number());
        recentEvents = events.find(EventFilter.recent(getHours(), 50));
    }

    /** A new filter starts at its first page. */
    public void filterChanged() {
        turnTo(0);
    }

    public void nextPage() {
        turnTo(cards.number() + 1);
    }

    public void previousPage() {
        turnTo(cards.number() - 1);
    }

    private void turnTo(int page) {
        List<ServerView> servers = overview.servers(getHours());
        serverCount = servers.size();
        reachable = servers.stream().filter(ServerView::isReachable).count();
        critical = servers.stream().mapToLong(ServerView::criticalCount).sum();
        warning = servers.stream().mapToLong(ServerView::warningCount).sum();
        selFull = servers.stream().filter(s -> s.selFill().full()).count();
        cards = ServerCards.page(servers, filter, page, ServerCards.PAGE_SIZE);
    }

    public ServerCards.Page getCards() { return cards; }

    public String getFilter() { return filter; }
    public void setFilter(String filter) { this.filter = filter == null ? "" : filter; }
    public Map<String, Integer> getRanges() { return RANGES; }
    public String getRange() { return range; }
    public void setRange(String range) { this.range = RANGES.containsKey(range) ? range : "24h"; }
    public int getHours() { return RANGES.get(range); }
    public int getServerCount() { return serverCount; }
    public List<EventView> getRecentEvents() { return recentEvents; }
    public long getReachable() { return reachable; }
    public long getCritical() { return critical; }
    public long getWarning() { return warning; }
    /** Servers whose SEL is at least 90 % used or overflowed (SelFill.full). */
    public long getSelFull() { return selFull; }
}
