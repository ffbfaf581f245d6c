package com.ipmimonitor.web.dashboard;

import com.ipmimonitor.collection.boundary.PollLeases;
import com.ipmimonitor.events.boundary.EventQueries;
import com.ipmimonitor.events.boundary.EventView;
import com.ipmimonitor.events.boundary.EventFilter;
import com.ipmimonitor.fleet.boundary.FleetOverview;
import com.ipmimonitor.fleet.boundary.ServerView;
import com.ipmimonitor.web.EventFilterLink;
import com.ipmimonitor.web.session.SessionBacking;
import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fleet at a glance: stat cards, a page of server cards (attention first) and beside them the recent events of the
 * range, filtered by severity. Range and severity come from the address (?range=6h&amp;severity=critical) so that a
 * reload or a shared link shows the same; dashboard.js writes them back into the address after each change.
 */
@Named
@ViewScoped
public class DashboardBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The time ranges every page offers, in hours, in the order shown. */
    public static final Map<String, Integer> RANGES = Collections.unmodifiableMap(new LinkedHashMap<>(
            java.util.stream.Stream.of("1h", "2h", "4h", "6h", "12h", "24h", "48h", "72h", "7d", "30d").collect(java.util.stream.Collectors.toMap(
                    r -> r, DashboardBacking::hoursOf, (a, b) -> a, LinkedHashMap::new))));

    /** The event list's severity chips, as /api/events names them, and "all". */
    static final List<String> SEVERITIES = List.of("all", "critical", "warning", "info");

    private static int hoursOf(String range) {
        int n = Integer.parseInt(range.substring(0, range.length() - 1));
        return range.endsWith("d") ? n * 24 : n;
    }

    // injected services are transient: a view-scoped bean is serialised with the session
    @Inject
    transient FleetOverview overview;

    @Inject
    transient EventQueries events;

    @Inject
    transient PollLeases leases;

    /** The newest events the page lists; the CSV export has all of them. */
    static final int RECENT_EVENTS = 50;

    private String range = "24h";
    private String eventSeverity = "all";
    private long eventTotal;
    private OffsetDateTime updated;
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
        Map<String, String> params = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap();
        setRange(params.getOrDefault("range", range));
        setEventSeverity(params.get("severity"));
        refresh();
    }

    public void refresh() {
        turnTo(cards == null ? 0 : cards.number());
        filterEvents();
        updated = OffsetDateTime.now(ZoneOffset.UTC);
    }

    /** The severity chips changed: only the event list is read again. */
    public void filterEvents() {
        EventFilter filter = EventFilter.parse(severityFilter(), null, null, getHours(), RECENT_EVENTS, 0, RECENT_EVENTS,
                new ArrayList<>());
        recentEvents = events.find(filter);
        eventTotal = recentEvents.size() < RECENT_EVENTS ? recentEvents.size() : events.count(filter);
    }

    /** Admin: every server due at the next tick, as /api/collect does. */
    public void collectAll() {
        SessionBacking.requireAdmin();
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO,
                "Poll of " + leases.makeAllDue() + " servers queued: they start within 5 seconds.", null));
    }

    private String severityFilter() {
        return eventSeverity.equals("all") ? "" : eventSeverity;
    }

    public EventFilterLink getEventLink() {
        return new EventFilterLink(range, getHours(), severityFilter(), null, null);
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
    public String getEventSeverity() { return eventSeverity; }
    public void setEventSeverity(String severity) { this.eventSeverity = severity != null && SEVERITIES.contains(severity) ? severity : "all"; }
    public long getEventTotal() { return eventTotal; }

    /** "12 events", or "Newest 50 of 812" when the list is cut (the export has them all). */
    public String getEventsShown() {
        return eventTotal > recentEvents.size() ? "Newest " + recentEvents.size() + " of " + eventTotal
                : eventTotal + (eventTotal == 1 ? " event" : " events");
    }
    public OffsetDateTime getUpdated() { return updated; }
    public int getServerCount() { return serverCount; }
    public List<EventView> getRecentEvents() { return recentEvents; }
    public long getReachable() { return reachable; }
    public long getCritical() { return critical; }
    public long getWarning() { return warning; }
    /** Servers whose SEL is at least 90 % used or overflowed (SelFill.full). */
    public long getSelFull() { return selFull; }
}
