package com.ipmimonitor.redfish.entity;

import com.ipmimonitor.sensors.entity.SensorKind;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One sensor of a chassis. unit is in ipmitool's words ("degrees C", "RPM", "Volts", "Watts", "Amps") so both
 * protocols store alike; health is the sensor's Status.Health.
 */
public record RedfishReading(String chassisId, String name, SensorKind kind, OptionalDouble value, String unit,
                             Optional<String> health, Thresholds thresholds) {
}
