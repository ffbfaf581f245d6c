package com.ipmimonitor.alerting.entity;

/** An alert fires once and resolves once; a condition that comes back is a new alert. */
public enum AlertState {
    FIRING, RESOLVED
}
