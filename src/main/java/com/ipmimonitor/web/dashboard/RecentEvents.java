package com.ipmimonitor.web.dashboard;

import com.ipmimonitor.concurrent.ReadCache;
import com.ipmimonitor.events.boundary.EventCounts;
import com.ipmimonitor.events.boundary.EventFilter;
import com.ipmimonitor.events.boundary.EventQueries;
import com.ipmimonitor.events.boundary.EventView;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * The newest events of a range (of one severity, or all) that the dashboard lists beside the cards, one reading shared
 * by the views of a moment as the fleet's listing is (FleetOverview): read for each view, this query and its
 * transaction were the view's only trips to PostgreSQL, each a wait for a busy database while the fleet is polled.
 * An event stored or deleted through this instance shows at the next view, one of another instance within MAX_AGE.
 * The dashboard asks for its ranges and severities only, so few readings are kept.
 */
@ApplicationScoped
public class RecentEvents {

    static final Duration MAX_AGE = Duration.ofSeconds(1);

    private final ReadCache<EventFilter, List<EventView>> readings = new ReadCache<>(MAX_AGE);

    @Inject
    EventQueries events;

    @Resource
    ManagedExecutorService renewer;

    public List<EventView> of(EventFilter filter) {
        return readings.get(filter, EventCounts.stores() + EventCounts.deletions(), () -> events.find(filter), renewer());
    }

    Executor renewer() {
        return renewer;
    }
}
