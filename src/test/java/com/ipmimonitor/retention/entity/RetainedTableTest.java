package com.ipmimonitor.retention.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The statements' behaviour is proven against PostgreSQL by RetentionIT; these pin what must not drift. */
class RetainedTableTest {

    @Test
    void everyBatchIsBoundedOldestFirstAndSkipsLockedRows() {
        for (RetainedTable t : RetainedTable.values()) {
            if (t.partitioned()) {
                continue;
            }
            String sql = t.deleteBatchSql();
            assertTrue(sql.startsWith("delete from " + t.tableName() + " where id in (select t.id from " + t.tableName()), sql);
            assertTrue(sql.contains("limit ?2 for update skip locked)"), sql);
            assertTrue(sql.contains("< now() - make_interval(days => ?1)"), sql);
        }
    }

    @Test
    void ageIsTheMonitorsTimeOfStoringNeverTheBmcClock() {
        assertTrue(RetainedTable.SEL_EVENTS.deleteBatchSql().contains("t.collected_at < now()"));
        assertTrue(RetainedTable.COLLECTION_RUNS.deleteBatchSql().contains("t.started_at < now()"));
        assertEquals(-1, RetainedTable.SEL_EVENTS.deleteBatchSql().indexOf("event_time"));
    }

    @Test
    void onlyResolvedAlertsGoCountedFromTheirResolution() {
        assertTrue(RetainedTable.RESOLVED_ALERTS.deleteBatchSql().contains("t.resolved_at < now() - make_interval(days => ?1)"
                + " and t.state = 'RESOLVED' order by t.resolved_at"), RetainedTable.RESOLVED_ALERTS.deleteBatchSql());
    }

    @Test
    void eventsOfFiringAlertsAreKept() {
        assertTrue(RetainedTable.SEL_EVENTS.deleteBatchSql()
                .contains("not exists (select 1 from alert a where a.sel_event_id = t.id and a.state = 'FIRING')"));
    }
}
