package com.ipmimonitor.alerting.entity;

import java.util.Locale;

/** What made an alert fire; the alert name is what Alertmanager and e-mail subjects show. */
public enum AlertRule {
    SEL_EVENT("IpmiSelEvent"),
    SENSOR_CRITICAL("IpmiSensorCritical"),
    BMC_UNREACHABLE("IpmiBmcUnreachable"),
    COLLECTION_STALE("IpmiCollectionStale"),
    SEL_FULL("IpmiSelFull"),
    BMC_CERTIFICATE_CHANGED("IpmiBmcCertificateChanged");

    private final String alertName;

    AlertRule(String alertName) {
        this.alertName = alertName;
    }

    public String alertName() {
        return alertName;
    }

    /** sel_event, sensor_critical, ...: the label value in metrics and JSON. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
