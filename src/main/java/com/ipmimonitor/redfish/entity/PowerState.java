package com.ipmimonitor.redfish.entity;

import java.util.Locale;

/** ComputerSystem.PowerState; UNKNOWN when absent or a value the schema does not know. */
public enum PowerState {
    ON, OFF, POWERING_ON, POWERING_OFF, PAUSED, UNKNOWN;

    public static PowerState of(String redfishValue) {
        if (redfishValue == null) {
            return UNKNOWN;
        }
        return switch (redfishValue.toLowerCase(Locale.ROOT)) {
            case "on" -> ON;
            case "off" -> OFF;
            case "poweringon" -> POWERING_ON;
            case "poweringoff" -> POWERING_OFF;
            case "paused" -> PAUSED;
            default -> UNKNOWN;
        };
    }
}
