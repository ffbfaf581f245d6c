package com.ipmimonitor.sensors.boundary;

import com.ipmimonitor.sensors.entity.SensorKind;
import com.ipmimonitor.sensors.entity.SensorReading;
import java.time.OffsetDateTime;
import java.util.Locale;

/**
 * One sensor reading as the API shows it, thresholds in the BMC's own terms; condition is ok, warning, critical or
 * unknown. A discrete sensor has no value: unit holds its state word ("0x0300") and state its asserted states in
 * ipmitool's words ("Presence detected, Failure detected"; "" when none is; null when they could not be decoded),
 * and its condition says what those states mean. {@code lower_warning} / {@code upper_warning} are the original
 * API's names for the non-critical thresholds (the original filled its lower pair one step off: non-recoverable as
 * critical, critical as warning).
 */
public record SensorView(String sensorName, String sensorType, Double value, String unit, String status,
                         Double lowerNonRecoverable, Double lowerCritical, Double lowerNonCritical,
                         Double upperNonCritical, Double upperCritical, Double upperNonRecoverable,
                         OffsetDateTime collectedAt, String condition, String state, Double lowerWarning,
                         Double upperWarning) {

    public SensorView(String sensorName, String sensorType, Double value, String unit, String status,
                      Double lowerNonRecoverable, Double lowerCritical, Double lowerNonCritical,
                      Double upperNonCritical, Double upperCritical, Double upperNonRecoverable,
                      OffsetDateTime collectedAt, String condition, String state) {
        this(sensorName, sensorType, value, unit, status, lowerNonRecoverable, lowerCritical, lowerNonCritical,
                upperNonCritical, upperCritical, upperNonRecoverable, collectedAt, condition, state, lowerNonCritical,
                upperNonCritical);
    }

    public SensorView(String sensorName, String sensorType, Double value, String unit, String status,
                      Double lowerNonRecoverable, Double lowerCritical, Double lowerNonCritical,
                      Double upperNonCritical, Double upperCritical, Double upperNonRecoverable,
                      OffsetDateTime collectedAt, String condition) {
        this(sensorName, sensorType, value, unit, status, lowerNonRecoverable, lowerCritical, lowerNonCritical,
                upperNonCritical, upperCritical, upperNonRecoverable, collectedAt, condition, null);
    }

    public static SensorView of(SensorReading r) {
        if (r.getKind() == SensorKind.DISCRETE) {
            return new SensorView(r.getSensorName(), "discrete", null, r.getUnit(), r.getStatus(), null, null, null,
                    null, null, null, r.getCollectedAt(), r.condition().cssClass(), r.getStateText());
        }
        return new SensorView(r.getSensorName(), r.getKind().name().toLowerCase(Locale.ROOT), r.getValue(), r.getUnit(),
                r.getStatus(), r.getLowerNonRecoverable(), r.getLowerCritical(), r.getLowerNonCritical(),
                r.getUpperNonCritical(), r.getUpperCritical(), r.getUpperNonRecoverable(), r.getCollectedAt(),
                r.condition().cssClass(), null);
    }

    /** An hour's rollup as a point of a chart: the hour's mean as the value, status unknown. */
    public static SensorView ofHour(SensorHour h) {
        Double[] t = h.thresholdsLnrLcLncUncUcUnr();
        return of(new SensorReading(null, h.sensorName(), h.kind(), h.avg(), h.unit(), null, t, h.hour()));
    }
}
