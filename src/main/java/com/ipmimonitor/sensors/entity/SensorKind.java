package com.ipmimonitor.sensors.entity;

import java.util.Locale;

/** The reading groups operators look at, decided from the unit ipmitool prints. */
public enum SensorKind {
    TEMPERATURE, FAN, VOLTAGE, POWER, CURRENT, OTHER, DISCRETE;

    public static SensorKind ofUnit(String unit, boolean discrete) {
        if (discrete) {
            return DISCRETE;
        }
        String u = unit == null ? "" : unit.toLowerCase(Locale.ROOT);
        if (u.contains("degrees")) {
            return TEMPERATURE;
        }
        if (u.equals("rpm")) {
            return FAN;
        }
        if (u.equals("volts")) {
            return VOLTAGE;
        }
        if (u.equals("watts")) {
            return POWER;
        }
        if (u.equals("amps")) {
            return CURRENT;
        }
        return OTHER;
    }
}
