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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;

/** The fleet at a glance: stat cards, one row per server and the recent events of the selected range. */
@Named
@ViewScoped
public class DashboardBacking implements Serializable {

    private static final long serialVersionUID = 1L;
    static final Map<String, Integer> RANGES = new LinkedHashMap<>();

    static {
        RANGES.put("1h", 1);
        RANGES.put("6h", 6);
        RANGES.put("24h", 24);
        RANGES.put("7d", 24 * 7);
        RANGES.put("30d", 24 * 30);
    }

    // injected services are transient: a view-scoped bean is serialised with the session
    @Inject
    transient FleetOverview overview;

    @Inject
    transient EventQueries events;

    private String range = "24h";
    private List<ServerView> servers;
    private List<EventView> recentEvents;

    @PostConstruct
    void load() {
        refresh();
    }

    public void refresh() {
        int hours = getHours();
        servers = overview.servers(hours);
        recentEvents = events.find(EventFilter.recent(hours, 50));
    }

    public Map<String, Integer> getRanges() { return RANGES; }
    public String getRange() { return range; }
    public void setRange(String range) { this.range = RANGES.containsKey(range) ? range : "24h"; }
    public int getHours() { return RANGES.get(range); }
    public List<ServerView> getServers() { return servers; }
    public List<EventView> getRecentEvents() { return recentEvents; }
    public String getAppName() { return ConfigProvider.getConfig().getValue("app.name", String.class); }
    public long getReachable() { return servers.stream().filter(ServerView::isReachable).count(); }
    public long getCritical() { return servers.stream().mapToLong(ServerView::criticalCount).sum(); }
    public long getWarning() { return servers.stream().mapToLong(ServerView::warningCount).sum(); }
}
