package com.ipmimonitor.sensors.control;

import java.util.Locale;

/**
 * How worried to be about one reading: the worse of what the BMC says (ipmitool's status column) and where
 * the value sits against the BMC's own thresholds. Both are looked at because BMCs differ: some report "ok"
 * for a value past a threshold until their next scan, some never fill in the status of OEM sensors.
 */
public enum SensorCondition {
    OK, WARNING, CRITICAL, UNKNOWN;

    public record Thresholds(Double lowerNonRecoverable, Double lowerCritical, Double lowerNonCritical,
                             Double upperNonCritical, Double upperCritical, Double upperNonRecoverable) {
    }

    public static SensorCondition of(String status, Double value, Thresholds t) {
        SensorCondition byStatus = ofStatus(status);
        if (value == null) {
            return byStatus;
        }
        return worse(byStatus == UNKNOWN ? OK : byStatus, ofValue(value, t));
    }

    static SensorCondition ofStatus(String status) {
        return switch (status == null ? "" : status.strip().toLowerCase(Locale.ROOT)) {
            case "ok" -> OK;
            case "nc" -> WARNING;
            case "cr", "nr" -> CRITICAL;
            default -> UNKNOWN; // "ns" (no reading), "na", or a discrete sensor's state bits
        };
    }

    static SensorCondition ofValue(double value, Thresholds t) {
        if (atOrBelow(value, t.lowerNonRecoverable()) || atOrBelow(value, t.lowerCritical())
                || atOrAbove(value, t.upperCritical()) || atOrAbove(value, t.upperNonRecoverable())) {
            return CRITICAL;
        }
        if (atOrBelow(value, t.lowerNonCritical()) || atOrAbove(value, t.upperNonCritical())) {
            return WARNING;
        }
        return OK;
    }

    private static boolean atOrBelow(double value, Double threshold) {
        return threshold != null && value <= threshold;
    }

    private static boolean atOrAbove(double value, Double threshold) {
        return threshold != null && value >= threshold;
    }

    private static SensorCondition worse(SensorCondition a, SensorCondition b) {
        return a.ordinal() >= b.ordinal() ? a : b; // OK < WARNING < CRITICAL; UNKNOWN never reaches here
    }

    public String cssClass() {
        return name().toLowerCase(Locale.ROOT);
    }
}
