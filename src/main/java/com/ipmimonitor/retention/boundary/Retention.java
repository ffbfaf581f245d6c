package com.ipmimonitor.retention.boundary;

import com.ipmimonitor.concurrent.TimerWork;
import com.ipmimonitor.retention.control.BatchedPurge;
import com.ipmimonitor.retention.entity.RetainedTable;
import com.ipmimonitor.retention.entity.RetentionSettings;
import com.ipmimonitor.retention.control.TablePurge;
import com.ipmimonitor.sensors.boundary.SensorHistory;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Deletes history older than its retention every hour, table by table in batches (RetentionBatches: one short
 * transaction each), on the default managed executor, never on a collector thread. Bean-managed concurrency: a
 * purge may take minutes and must not hold a container lock that the timer callback or the API would queue on.
 * Settings that cannot work stop the deployment.
 */
@Singleton
@Startup
@DependsOn("DatabaseStartup")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Retention {

    private static final Logger LOG = Logger.getLogger(Retention.class.getName());

    @Inject @ConfigProperty(name = "sensor.retention.days", defaultValue = "30") int sensorDays;
    @Inject @ConfigProperty(name = "event.retention.days", defaultValue = "0") int eventDays;
    @Inject @ConfigProperty(name = "alert.retention.days", defaultValue = "365") int alertDays;
    @Inject @ConfigProperty(name = "retention.batch.size", defaultValue = "5000") int batchSize;
    @Inject @ConfigProperty(name = "retention.max.batches", defaultValue = "1000") int maxBatches;
    @Inject @ConfigProperty(name = "retention.batch.pause.ms", defaultValue = "50") long pauseMillis;

    @Inject
    RetentionBatches batches;

    @Inject
    SensorHistory history;

    @Resource
    ManagedExecutorService executor;

    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicReference<RetentionRun> lastRun = new AtomicReference<>();
    private final TimerWork hourly = new TimerWork("retention purge", this::runNow);
    private RetentionSettings settings;

    @PostConstruct
    void check() {
        settings = new RetentionSettings(sensorDays, eventDays, alertDays, batchSize, maxBatches, Duration.ofMillis(pauseMillis));
        if (!settings.problems().isEmpty()) {
            throw new IllegalStateException(String.join("; ", settings.problems()));
        }
    }

    /** The callback only hands over (see TimerWork: Payara expunges a timer whose deliveries fail twice). */
    @Schedule(hour = "*", minute = "17", persistent = false)
    void everyHour() {
        hourly.start(executor);
    }

    public RetentionSettings settings() {
        return settings;
    }

    public Optional<RetentionRun> findLastRun() {
        return Optional.ofNullable(lastRun.get());
    }

    /** Purges now, in the caller's thread; empty when a purge of this instance is already running. */
    public Optional<RetentionRun> runNow() {
        if (!running.compareAndSet(false, true)) {
            return Optional.empty();
        }
        try {
            RetentionRun run = purgeAll();
            lastRun.set(run);
            return Optional.of(run);
        } finally {
            running.set(false);
        }
    }

    private RetentionRun purgeAll() {
        OffsetDateTime started = OffsetDateTime.now(ZoneOffset.UTC);
        BatchedPurge purge = new BatchedPurge(settings, pause -> Thread.sleep(pause.toMillis()));
        List<TablePurge> tables = new ArrayList<>();
        for (RetainedTable table : RetainedTable.values()) {
            if (Thread.currentThread().isInterrupted()) {
                break; // the app is stopping
            }
            settings.findKeepDays(table).ifPresent(days -> {
                if (table.partitioned()) {
                    dropPartitions(table, days).forEach(result -> {
                        logDropped(result);
                        tables.add(result);
                    });
                    return;
                }
                TablePurge result = purge.run(table, days, limit -> batches.deleteOlderThan(table, days, limit));
                log(result);
                tables.add(result);
            });
        }
        return new RetentionRun(started, OffsetDateTime.now(ZoneOffset.UTC), List.copyOf(tables));
    }

    /** Sensor and power history: whole expired days; "batches" are the partitions dropped. */
    private List<TablePurge> dropPartitions(RetainedTable table, int days) {
        try {
            var dropped = table == RetainedTable.POWER_READINGS ? history.dropPowerOlderThan(days) : history.dropOlderThan(days);
            return dropped.stream().map(d -> new TablePurge(d.table(), days, d.rows(), d.partitions(), true, d.millis(),
                    Optional.empty())).toList();
        } catch (RuntimeException e) {
            return List.of(new TablePurge(table.tableName(), days, 0, 0, false, 0,
                    Optional.of(String.valueOf(e.getMessage()))));
        }
    }

    private static void logDropped(TablePurge p) {
        if (p.error().isPresent()) {
            LOG.warning("retention: " + p.table() + ": dropping partitions failed, retried next hour: " + p.error().get());
        } else if (p.batches() > 0 || p.deleted() > 0) {
            LOG.info("retention: " + p.table() + ": dropped " + p.batches() + " daily partitions (" + p.deleted()
                    + " rows) older than " + p.keepDays() + " days, " + p.millis() + " ms");
        }
    }

    private static void log(TablePurge p) {
        String what = "retention: " + p.table() + ": deleted " + p.deleted() + " rows older than " + p.keepDays()
                + " days in " + p.batches() + " batches, " + p.millis() + " ms";
        if (p.error().isPresent()) {
            LOG.warning(what + "; failed, retried next hour: " + p.error().get());
        } else if (!p.complete()) {
            LOG.info(what + "; batch limit reached, the rest goes next hour");
        } else if (p.deleted() > 0) {
            LOG.info(what);
        }
    }
}
