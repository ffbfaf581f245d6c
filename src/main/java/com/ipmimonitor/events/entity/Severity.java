package com.ipmimonitor.events.entity;

/** How urgently an operator should look at a SEL event. */
public enum Severity {
    CRITICAL, WARNING, INFO
}
