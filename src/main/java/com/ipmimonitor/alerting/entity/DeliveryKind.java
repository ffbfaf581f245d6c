package com.ipmimonitor.alerting.entity;

/** The two notices a channel gets per alert: when it fires and when it resolves. */
public enum DeliveryKind {
    FIRE, RESOLVE
}
