package com.ipmimonitor.retention.entity;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How long each kind of history is kept and how a purge paces itself. 0 days means "keep forever". Batches are
 * bounded per table and run (maxBatches x batchSize rows): what is left is deleted at the next run, so a first
 * purge of years of history is spread over hours instead of one long burst.
 */
public record RetentionSettings(int sensorDays, int eventDays, int alertDays, int batchSize, int maxBatches,
                                Duration pause) {

    public static final int MAX_BATCH_SIZE = 100_000;

    /** Empty when the settings can work; otherwise what is wrong, naming the variables. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (sensorDays < 0 || eventDays < 0 || alertDays < 0) {
            problems.add("SENSOR_RETENTION_DAYS, EVENT_RETENTION_DAYS and ALERT_RETENTION_DAYS must be 0 (keep forever) or more");
        }
        if (batchSize < 1 || batchSize > MAX_BATCH_SIZE) {
            problems.add("RETENTION_BATCH_SIZE must be between 1 and " + MAX_BATCH_SIZE);
        }
        if (maxBatches < 1) {
            problems.add("RETENTION_MAX_BATCHES must be at least 1");
        }
        if (pause.isNegative()) {
            problems.add("RETENTION_BATCH_PAUSE_MS must be 0 or more");
        }
        return problems;
    }

    /** Days of history kept in the table, empty when it is kept forever. */
    public Optional<Integer> findKeepDays(RetainedTable table) {
        int days = switch (table) {
            case SEL_EVENTS -> eventDays;
            case RESOLVED_ALERTS -> alertDays;
            default -> sensorDays;
        };
        return days == 0 ? Optional.empty() : Optional.of(days);
    }

    /** What an operator reads on the settings page. */
    public String summary() {
        return "Sensor, power and poll history: " + kept(sensorDays) + ". SEL events: " + kept(eventDays)
                + " (counted from when the monitor stored them; events of firing alerts are kept). Resolved alerts: "
                + kept(alertDays) + " after their resolution.";
    }

    private static String kept(int days) {
        return days == 0 ? "kept forever" : days == 1 ? "1 day" : days + " days";
    }
}
