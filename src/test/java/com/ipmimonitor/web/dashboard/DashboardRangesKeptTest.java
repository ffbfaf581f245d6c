package com.ipmimonitor.web.dashboard;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ipmimonitor.overview.boundary.FleetOverview;
import org.junit.jupiter.api.Test;

/** Every range the pages offer is served from a shared reading of the fleet (FleetOverview.listing). */
class DashboardRangesKeptTest {

    @Test
    void everyOfferedRangeIsKept() {
        DashboardBacking.RANGES.forEach((name, hours) -> assertTrue(FleetOverview.keeps(hours), name));
    }
}
