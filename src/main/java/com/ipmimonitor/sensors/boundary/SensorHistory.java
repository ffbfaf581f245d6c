package com.ipmimonitor.sensors.boundary;

import com.ipmimonitor.concurrent.TimerWork;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import java.util.List;
import java.util.logging.Logger;

/**
 * Upkeep of the sensor history's tables (V11_2__sensor_history.sql): daily partitions created a week ahead, hourly
 * rollups filled as hours close (every 5 minutes; an hour is rolled up once it ended 2 minutes ago), and, for
 * retention, expired days dropped as whole partitions. Runs on the managed executor, never in the timer callback
 * (see TimerWork).
 */
@Singleton
@Startup
@DependsOn("DatabaseStartup")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class SensorHistory {

    private static final Logger LOG = Logger.getLogger(SensorHistory.class.getName());

    /** At most this many hours a run, so that a backlog (after downtime) is caught up in bounded steps. */
    static final int MAX_HOURS_PER_RUN = 48;

    @Inject
    SensorHistoryTables tables;

    @Resource
    ManagedExecutorService executor;

    private final TimerWork upkeep = new TimerWork("sensor history upkeep", this::upkeepNow);

    @PostConstruct
    void atStart() {
        upkeep.start(executor);
    }

    @Schedule(hour = "*", minute = "*/5", persistent = false)
    void everyFiveMinutes() {
        upkeep.start(executor);
    }

    /**
     * Creates the partitions of yesterday to a week ahead (sensor and power history), packs the power readings of
     * the closed hours, then rolls up the closed hours of sensor history; the hours rolled up.
     */
    public int upkeepNow() {
        int made = tables.createPartitions(-1, 7);
        if (made > 0) {
            LOG.info("sensor history: " + made + " daily partitions created");
        }
        tables.packPower();
        int hours;
        int total = 0;
        do {
            hours = tables.rollUp(MAX_HOURS_PER_RUN);
            total += hours;
        } while (hours == MAX_HOURS_PER_RUN && !Thread.currentThread().isInterrupted());
        return total;
    }

    /** Drops the days of history that ended more than keepDays ago; one result per table. */
    public List<DroppedHistory> dropOlderThan(int keepDays) {
        return tables.dropOlderThan(keepDays);
    }

    /** Drops the days of power history that ended more than keepDays ago. */
    public List<DroppedHistory> dropPowerOlderThan(int keepDays) {
        return tables.dropPowerOlderThan(keepDays);
    }
}
