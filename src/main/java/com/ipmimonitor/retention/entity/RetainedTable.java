package com.ipmimonitor.retention.entity;

/**
 * The tables retention prunes, each with the column that says how old a row is. Age is always the monitor's own
 * time of storing, never the BMC's clock: BMC clocks are often off by years (or 1970 before the BMC is initialised),
 * and an event with a bogus BMC time would be deleted on the day it arrived.
 */
public enum RetainedTable {

    /**
     * Sensor history (sensor_sample and its hourly rollups, sensor_hourly) is partitioned by day: it is dropped a
     * whole day at a time once the day has expired (SensorHistory), never deleted row by row.
     */
    SENSOR_READINGS("sensor_sample", "collected_at", ""),
    /** Power history (power_hour, one row per server and hour) is partitioned by day too (V12_41). */
    POWER_READINGS("power_hour", "hour", ""),
    COLLECTION_RUNS("collection_run", "started_at", ""),
    /**
     * Alerts resolved long ago, with their deliveries (on delete cascade). Firing ones are kept whatever their age;
     * a SEL event never alerts twice anyway, since what is new is decided by a watermark, not by the alert rows.
     * Before SEL_EVENTS, so that the events of the deleted alerts need no unlinking.
     */
    RESOLVED_ALERTS("alert", "resolved_at", "and t.state = 'RESOLVED'"),
    /**
     * An event a firing alert is about is kept whatever its age: deleting it would resolve the alert (and notify
     * "resolved") although the BMC never deasserted the condition. Events of resolved alerts go; the alert row
     * keeps its summary and description, and the foreign key (on delete set null) drops only the link.
     */
    SEL_EVENTS("sel_event", "collected_at",
            "and not exists (select 1 from alert a where a.sel_event_id = t.id and a.state = 'FIRING')");

    private final String table;
    private final String ageColumn;
    private final String keep;

    RetainedTable(String table, String ageColumn, String keep) {
        this.table = table;
        this.ageColumn = ageColumn;
        this.keep = keep;
    }

    public String tableName() {
        return table;
    }

    /** Dropped by daily partitions instead of deleted in batches (deleteBatchSql does not apply). */
    public boolean partitioned() {
        return this == SENSOR_READINGS || this == POWER_READINGS;
    }

    /**
     * One batch: ?1 = days to keep, ?2 = batch size. The oldest rows first through the index on the age column;
     * SKIP LOCKED passes over rows another transaction holds (a second instance's purge, an alert being inserted
     * for an event) instead of waiting for them.
     */
    public String deleteBatchSql() {
        return "delete from " + table + " where id in (select t.id from " + table + " t where t." + ageColumn
                + " < now() - make_interval(days => ?1) " + keep + " order by t." + ageColumn
                + " limit ?2 for update skip locked)";
    }
}
