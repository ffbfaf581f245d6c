package com.ipmimonitor.web.dashboard;

import com.ipmimonitor.collection.boundary.PollLeases;
import com.ipmimonitor.events.boundary.EventView;
import com.ipmimonitor.events.boundary.EventFilter;
import com.ipmimonitor.overview.boundary.FleetOverview;
import com.ipmimonitor.overview.boundary.ServerView;
import com.ipmimonitor.web.EventFilterLink;
import com.ipmimonitor.web.session.SessionBacking;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fleet at a glance: stat cards, a page of server cards (attention first) and beside them the recent events of the
 * range, filtered by severity. Request-scoped on a stateless view (index.xhtml): anyone may look at the dashboard, and
 * a view-scoped bean or a saved view state made every anonymous page view an HTTP session kept for an hour (a flood of
 * GET / filled the heap). What the page shows (range, filter, page of cards, severity) travels with each AJAX request
 * in the form's fields and is read here before anything asks for data; the first GET takes range and severity from
 * the address (?range=6h&amp;severity=critical), which pages.js keeps in step after each change.
 */
@Named
@RequestScoped
public class DashboardBacking {

    /** The time ranges every page offers, in hours, in the order shown. */
    public static final Map<String, Integer> RANGES = Collections.unmodifiableMap(new LinkedHashMap<>(
            java.util.stream.Stream.of("1h", "2h", "4h", "6h", "12h", "24h", "48h", "72h", "7d", "30d").collect(java.util.stream.Collectors.toMap(
                    r -> r, DashboardBacking::hoursOf, (a, b) -> a, LinkedHashMap::new))));

    /** The event list's severity chips, as /api/events names them, and "all". */
    static final List<String> SEVERITIES = List.of("all", "critical", "warning", "info");

    /** Request parameters of the form's fields (index.xhtml, form "controls"). */
    static final String RANGE_PARAMETER = "controls:range";
    static final String FILTER_PARAMETER = "controls:server-filter";
    static final String PAGE_PARAMETER = "controls:page";
    static final String SEVERITY_PARAMETER = "controls:event-severity";

    /** The newest events the page lists; the CSV export has all of them. */
    static final int RECENT_EVENTS = 50;

    private static int hoursOf(String range) {
        int n = Integer.parseInt(range.substring(0, range.length() - 1));
        return range.endsWith("d") ? n * 24 : n;
    }

    @Inject
    FleetOverview overview;

    @Inject
    RecentEvents recent;

    @Inject
    PollLeases leases;

    private String range = "24h";
    private String eventSeverity = "all";
    private String filter = "";
    private int page;
    private final OffsetDateTime updated = OffsetDateTime.now(ZoneOffset.UTC);
    // read on first use: a component's rendered/disabled test may ask before the actions ran
    private List<ServerView> servers;
    private ServerCards.Page cards;
    private List<EventView> recentEvents;
    private List<EventLine> eventLines;
    private long eventTotal = -1;

    @PostConstruct
    void readState() {
        Map<String, String> parameters = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap();
        // a postback carries the form's fields; the first GET the address's query
        setRange(parameters.getOrDefault(RANGE_PARAMETER, parameters.get("range")));
        setEventSeverity(parameters.getOrDefault(SEVERITY_PARAMETER, parameters.get("severity")));
        setFilter(parameters.get(FILTER_PARAMETER));
        setPage(parameters.get(PAGE_PARAMETER));
    }

    /** The auto-refresh and a new range: read everything again. */
    public void refresh() {
        servers = null;
        cards = null;
        filterEvents();
    }

    /** The severity chips changed: only the event list is read again. */
    public void filterEvents() {
        recentEvents = null;
        eventLines = null;
        eventTotal = -1;
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

    private EventFilter eventFilter() {
        return EventFilter.parse(severityFilter(), null, null, getHours(), RECENT_EVENTS, 0, RECENT_EVENTS,
                new ArrayList<>());
    }

    public EventFilterLink getEventLink() {
        return new EventFilterLink(range, getHours(), severityFilter(), null, null);
    }

    /** A new filter starts at its first page. */
    public void filterChanged() {
        turnTo(0);
    }

    public void nextPage() {
        turnTo(getCards().number() + 1);
    }

    public void previousPage() {
        turnTo(getCards().number() - 1);
    }

    private void turnTo(int page) {
        this.page = Math.max(0, page);
        cards = null;
    }

    private List<ServerView> servers() {
        if (servers == null) {
            servers = overview.servers(getHours());
        }
        return servers;
    }

    public ServerCards.Page getCards() {
        if (cards == null) {
            cards = ServerCards.page(servers(), filter, page, ServerCards.PAGE_SIZE);
        }
        return cards;
    }

    public List<EventView> getRecentEvents() {
        if (recentEvents == null) {
            recentEvents = recent.of(eventFilter());
        }
        return recentEvents;
    }

    /** The recent events as the page's table reads them. */
    public List<EventLine> getEventLines() {
        if (eventLines == null) {
            eventLines = getRecentEvents().stream().map(EventLine::new).toList();
        }
        return eventLines;
    }

    public long getEventTotal() {
        if (eventTotal < 0) {
            int shown = getRecentEvents().size();
            eventTotal = shown < RECENT_EVENTS ? shown : countedInRange();
        }
        return eventTotal;
    }

    /**
     * The events of the range (of the chosen severity) as the server cards count them: the cards' counts cover the same
     * window and are kept between two stored events (EventCounts), where a count of its own read every event of the
     * range (33,000 a day at 1,000 servers) on each view.
     */
    long countedInRange() {
        FleetSummary fleet = summary();
        return switch (eventSeverity) {
            case "critical" -> fleet.critical();
            case "warning" -> fleet.warning();
            case "info" -> fleet.info();
            default -> fleet.total();
        };
    }

    private FleetSummary summary() {
        return FleetSummary.of(servers());
    }

    /** "12 events", or "Newest 50 of 812" when the list is cut (the export has them all). */
    public String getEventsShown() {
        long total = getEventTotal();
        int shown = getRecentEvents().size();
        return total > shown ? "Newest " + shown + " of " + total : total + (total == 1 ? " event" : " events");
    }

    public String getFilter() { return filter; }
    public void setFilter(String filter) {
        String changed = filter == null ? "" : filter;
        if (!changed.equals(this.filter)) {
            cards = null;
        }
        this.filter = changed;
    }
    public Map<String, Integer> getRanges() { return RANGES; }
    public String getRange() { return range; }
    public void setRange(String range) {
        String changed = RANGES.containsKey(range) ? range : "24h";
        if (!changed.equals(this.range)) {
            refresh();
        }
        this.range = changed;
    }
    public int getHours() { return RANGES.get(range); }
    public String getEventSeverity() { return eventSeverity; }
    public void setEventSeverity(String severity) {
        String changed = severity != null && SEVERITIES.contains(severity) ? severity : "all";
        if (!changed.equals(this.eventSeverity)) {
            filterEvents();
        }
        this.eventSeverity = changed;
    }
    /** The page of cards shown, kept in the form (a hidden field) between two requests. */
    public String getPage() { return String.valueOf(getCards().number()); }
    public void setPage(String page) {
        try {
            turnTo(page == null ? 0 : Integer.parseInt(page.strip()));
        } catch (NumberFormatException e) {
            turnTo(0);
        }
    }
    public OffsetDateTime getUpdated() { return updated; }
    public int getServerCount() { return servers().size(); }
    public long getReachable() { return summary().reachable(); }
    public long getCritical() { return summary().critical(); }
    public long getWarning() { return summary().warning(); }
    /** Servers whose SEL is at least 90 % used or overflowed (SelFill.full). */
    public long getSelFull() { return summary().selFull(); }
}
