package com.ipmimonitor.web.dashboard;

import com.ipmimonitor.overview.boundary.ServerView;
import java.util.List;

/**
 * What the dashboard works out from one reading of the fleet: its servers attention first and the stat cards' sums.
 * A reading (FleetListing) is shared by the views of a second, so this is worked out once per reading, not per
 * view: sorting 1,000 servers and summing them in six passes was a fifth of a view's CPU. The last summary is kept,
 * found by the identity of the reading's list (equal lists would be compared element by element).
 */
record FleetSummary(List<ServerView> fleet, List<ServerView> attentionFirst, long reachable, long critical,
                    long warning, long info, long total, long selFull) {

    private static volatile FleetSummary last = summarise(List.of());

    static FleetSummary of(List<ServerView> fleet) {
        FleetSummary kept = last;
        if (kept.fleet() != fleet) {
            kept = summarise(fleet);
            last = kept;
        }
        return kept;
    }

    private static FleetSummary summarise(List<ServerView> fleet) {
        long reachable = 0;
        long critical = 0;
        long warning = 0;
        long info = 0;
        long total = 0;
        long selFull = 0;
        for (ServerView s : fleet) {
            reachable += s.isReachable() ? 1 : 0;
            critical += s.criticalCount();
            warning += s.warningCount();
            info += s.infoCount();
            total += s.totalCount();
            selFull += s.selFill().full() ? 1 : 0;
        }
        return new FleetSummary(fleet, fleet.stream().sorted(ServerCards.ATTENTION_FIRST).toList(), reachable, critical,
                warning, info, total, selFull);
    }
}
