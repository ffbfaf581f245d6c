package com.ipmimonitor.alerting.control;

/** A sensor whose newest reading is critical (by the BMC's status or against its own thresholds). */
public record CriticalSensor(long serverId, String sensorName, Double value, String unit, String status) {
}
