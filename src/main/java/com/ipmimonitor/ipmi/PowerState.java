package com.ipmimonitor.ipmi;

/** Chassis power as reported by {@code power status}. */
public enum PowerState {
    ON, OFF
}
