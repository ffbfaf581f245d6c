package com.ipmimonitor.sensors.boundary;

import com.ipmimonitor.sensors.entity.SensorKind;
import java.time.OffsetDateTime;

/**
 * One sensor's readings of one hour, rolled up: how many had a value, their minimum, mean and maximum; with the
 * kind, unit and thresholds (lower/upper non-recoverable, critical, non-critical) of the sensor's description.
 */
public record SensorHour(String sensorName, SensorKind kind, String unit, Double[] thresholdsLnrLcLncUncUcUnr,
                         OffsetDateTime hour, int samples, Double min, Double avg, Double max) {
}
