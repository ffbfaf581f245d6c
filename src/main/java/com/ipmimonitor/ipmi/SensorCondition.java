package com.ipmimonitor.ipmi;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

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

    // Discrete states that mean trouble, worded as SensorStates (ipmitool) words them; every other state (Presence
    // detected, Drive Present, Hot Spare, ...) is ok. Lower case: tables differ in capitals ("Predictive Failure").
    private static final Set<String> CRITICAL_STATES = lower("Failure detected", "Power Supply AC lost",
            "AC lost or out-of-range", "AC lost", "Soft-power control failure", "Uncorrectable ECC", "Parity",
            "Memory Scrub Failed", "Critical Overtemperature", "IERR", "Thermal Trip", "FRB1/BIST failure",
            "FRB2/Hang in POST failure", "FRB3/Processor startup/init failure",
            "Uncorrectable machine check exception", "Drive Fault", "In Failed Array", "Failed", "Sensor failure",
            "FRU failure", "Management controller off-line", "Management controller unavailable");
    private static final Set<String> WARNING_STATES = lower("Predictive failure", "AC out-of-range, but present",
            "Config Error", "Configuration Error", "Correctable ECC", "Correctable ECC logging limit reached",
            "Memory Device Disabled", "Throttled", "Correctable machine check error", "In Critical Array",
            "Rebuild Aborted", "Low", "General Chassis intrusion", "Drive Bay intrusion", "I/O Card area intrusion",
            "Processor area intrusion", "FAN area intrusion", "Log full", "Log almost full",
            "Sensor access degraded or unavailable", "Controller access degraded or unavailable");

    private static Set<String> lower(String... states) {
        return Arrays.stream(states).map(s -> s.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    /**
     * A discrete sensor by what its asserted states mean (a power supply's "Failure detected" is critical even
     * though ipmitool's status column says "ok"); UNKNOWN when the states could not be decoded (null).
     */
    public static SensorCondition ofStates(String stateText) {
        if (stateText == null) {
            return UNKNOWN;
        }
        SensorCondition worst = OK;
        // "AC out-of-range, but present" holds a comma: known states are matched whole before splitting the rest
        String rest = stateText.toLowerCase(Locale.ROOT);
        for (String known : WARNING_STATES) {
            if (known.contains(",") && rest.contains(known)) {
                worst = WARNING;
                rest = rest.replace(known, "");
            }
        }
        for (String state : rest.split(",")) {
            String s = state.strip();
            if (CRITICAL_STATES.contains(s)) {
                return CRITICAL;
            }
            if (WARNING_STATES.contains(s)) {
                worst = WARNING;
            }
        }
        return worst;
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
