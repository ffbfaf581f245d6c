package com.ipmimonitor.alerting.entity;

/** The JSON body a webhook gets: our own shape, or Alertmanager's POST /api/v2/alerts array. */
public enum WebhookFormat {
    GENERIC, ALERTMANAGER
}
