package com.ipmimonitor.retention.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetentionSettingsTest {

    private static RetentionSettings settings(int sensorDays, int eventDays) {
        return settings(sensorDays, eventDays, 365);
    }

    private static RetentionSettings settings(int sensorDays, int eventDays, int alertDays) {
        return new RetentionSettings(sensorDays, eventDays, alertDays, 5000, 1000, Duration.ofMillis(50));
    }

    @Test
    void sensorDaysCoverSensorPowerAndPollHistoryAndEventDaysTheSel() {
        RetentionSettings s = settings(30, 365);
        assertEquals(Optional.of(30), s.findKeepDays(RetainedTable.SENSOR_READINGS));
        assertEquals(Optional.of(30), s.findKeepDays(RetainedTable.POWER_READINGS));
        assertEquals(Optional.of(30), s.findKeepDays(RetainedTable.COLLECTION_RUNS));
        assertEquals(Optional.of(365), s.findKeepDays(RetainedTable.SEL_EVENTS));
        assertEquals(Optional.of(90), settings(30, 365, 90).findKeepDays(RetainedTable.RESOLVED_ALERTS));
    }

    @Test
    void zeroDaysKeepsForeverInsteadOfDeletingEverything() {
        RetentionSettings s = settings(0, 0, 0);
        for (RetainedTable t : RetainedTable.values()) {
            assertEquals(Optional.empty(), s.findKeepDays(t), t.name());
        }
        assertEquals(List.of(), s.problems());
    }

    @Test
    void settingsThatCannotWorkAreNamed() {
        assertEquals(List.of(), settings(30, 0).problems());
        assertTrue(settings(-1, 0).problems().get(0).contains("SENSOR_RETENTION_DAYS"));
        assertTrue(settings(30, -5).problems().get(0).contains("EVENT_RETENTION_DAYS"));
        assertTrue(settings(30, 0, -1).problems().get(0).contains("ALERT_RETENTION_DAYS"));
        assertTrue(new RetentionSettings(30, 0, 365, 0, 10, Duration.ZERO).problems().get(0).contains("RETENTION_BATCH_SIZE"));
        assertTrue(new RetentionSettings(30, 0, 365, RetentionSettings.MAX_BATCH_SIZE + 1, 10, Duration.ZERO).problems().get(0)
                .contains("RETENTION_BATCH_SIZE"));
        assertTrue(new RetentionSettings(30, 0, 365, 10, 0, Duration.ZERO).problems().get(0).contains("RETENTION_MAX_BATCHES"));
        assertTrue(new RetentionSettings(30, 0, 365, 10, 1, Duration.ofMillis(-1)).problems().get(0).contains("RETENTION_BATCH_PAUSE_MS"));
    }

    @Test
    void theSummarySaysWhatIsKept() {
        assertEquals("Sensor, power and poll history: 30 days. SEL events: kept forever (counted from when the monitor"
                + " stored them; events of firing alerts are kept). Resolved alerts: 365 days after their resolution.",
                settings(30, 0).summary());
        assertTrue(settings(30, 0, 0).summary().endsWith("Resolved alerts: kept forever after their resolution."));
        assertTrue(settings(1, 365).summary().startsWith("Sensor, power and poll history: 1 day. SEL events: 365 days"));
    }
}
