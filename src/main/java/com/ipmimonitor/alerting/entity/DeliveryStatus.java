package com.ipmimonitor.alerting.entity;

/** PENDING (due at next_attempt_at), SENDING (leased by an instance), SENT, or FAILED after the last attempt. */
public enum DeliveryStatus {
    PENDING, SENDING, SENT, FAILED
}
