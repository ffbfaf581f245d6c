package com.ipmimonitor.collection.control.parse;

/** Chassis power as reported by {@code power status}. */
public enum PowerState {
    ON, OFF
}
