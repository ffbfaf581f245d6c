package com.ipmimonitor.web.dashboard;

import com.ipmimonitor.events.boundary.EventQueries;
import com.ipmimonitor.events.boundary.EventView;
import com.ipmimonitor.events.boundary.EventFilter;
import com.ipmimonitor.fleet.boundary.FleetOverview;
import com.ipmimonitor.fleet.boundary.ServerView;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fleet at a glance: stat cards, a page of server cards (attention first) and the recent events of the range.
 * Request-scoped on a stateless view (index.xhtml): anyone may look at the dashboard, and a view-scoped bean or a
 * saved view state made every anonymous page view an HTTP session kept for an hour (a flood of GET / filled the
 * heap). What the page shows (range, filter, page of cards) travels with each AJAX request instead, in the form's
 * fields, and is read here before anything asks for data.
 */
@Named
@RequestScoped
public class DashboardBacking {

    /** The time ranges every page offers, in hours, in the order shown. */
    public static final Map<String, Integer> RANGES = Collections.unmodifiableMap(new LinkedHashMap<>(
            java.util.stream.Stream.of("1h", "6h", "24h", "7d", "30d").collect(java.util.stream.Collectors.toMap(
                    r -> r, DashboardBacking::hoursOf, (a, b) -> a, LinkedHashMap::new))));

    /** Request parameters of the form's fields (index.xhtml, form "controls"). */
    static final String RANGE_PARAMETER = "controls:range";
    static final String FILTER_PARAMETER = "controls:server-filter";
    static final String PAGE_PARAMETER = "controls:page";

    private static int hoursOf(String range) {
        int n = Integer.parseInt(range.substring(0, range.length() - 1));
        return range.endsWith("d") ? n * 24 : n;
    }

    @Inject
    FleetOverview overview;

    @Inject
    EventQueries events;

    private String range = "24h";
    private String filter = "";
    private int page;
    // read on first use: a component's rendered/disabled test may ask before the actions ran
    private List<ServerView> servers;
    private ServerCards.Page cards;
    private List<EventView> recentEvents;

    @PostConstruct
    void readState() {
        Map<String, String> parameters = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap();
        setRange(parameters.get(RANGE_PARAMETER));
        setFilter(parameters.get(FILTER_PARAMETER));
        setPage(parameters.get(PAGE_PARAMETER));
    }

    /** The auto-refresh and a new range: read everything again. */
    public void refresh() {
        servers = null;
        cards = null;
        recentEvents = null;
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
            recentEvents = events.find(EventFilter.recent(getHours(), 50));
        }
        return recentEvents;
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
    /** The page of cards shown, kept in the form (a hidden field) between two requests. */
    public String getPage() { return String.valueOf(getCards().number()); }
    public void setPage(String page) {
        try {
            turnTo(page == null ? 0 : Integer.parseInt(page.strip()));
        } catch (NumberFormatException e) {
            turnTo(0);
        }
    }
    public int getServerCount() { return servers().size(); }
    public long getReachable() { return servers().stream().filter(ServerView::isReachable).count(); }
    public long getCritical() { return servers().stream().mapToLong(ServerView::criticalCount).sum(); }
    public long getWarning() { return servers().stream().mapToLong(ServerView::warningCount).sum(); }
}
