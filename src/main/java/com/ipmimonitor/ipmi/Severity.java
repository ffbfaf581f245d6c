package com.ipmimonitor.ipmi;

/** How urgently an operator should look at a SEL event. */
public enum Severity {
    CRITICAL, WARNING, INFO
}
