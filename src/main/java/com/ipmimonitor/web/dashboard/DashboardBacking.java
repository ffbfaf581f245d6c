package com.ipmimonitor.web.dashboard;

import com.ipmimonitor.fleet.boundary.FleetOverview;
import com.ipmimonitor.fleet.boundary.ServerView;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The fleet at a glance: stat cards and one row per server. */
@Named
@RequestScoped
public class DashboardBacking {

    @Inject
    FleetOverview overview;

    @Inject
    @ConfigProperty(name = "app.name")
    String appName;

    private int hours = 24;
    private List<ServerView> servers;

    @PostConstruct
    void load() {
        servers = overview.servers(hours);
    }

    public List<ServerView> getServers() { return servers; }
    public String getAppName() { return appName; }
    public int getHours() { return hours; }
    public long getReachable() { return servers.stream().filter(ServerView::isReachable).count(); }
    public long getCritical() { return servers.stream().mapToLong(ServerView::criticalCount).sum(); }
    public long getWarning() { return servers.stream().mapToLong(ServerView::warningCount).sum(); }
}
