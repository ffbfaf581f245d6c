package com.ipmimonitor.alerting.entity;

/** Where a channel delivers: an HTTP endpoint or e-mail recipients (through SMTP_HOST). */
public enum ChannelType {
    WEBHOOK, EMAIL
}
