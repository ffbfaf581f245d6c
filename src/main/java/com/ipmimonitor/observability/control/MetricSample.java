package com.ipmimonitor.observability.control;

import java.util.Map;

/** One Prometheus series: name, help text, type (gauge or counter), labels, value. */
public record MetricSample(String name, String help, String type, Map<String, String> labels, double value) {

    public MetricSample(String name, String help, Map<String, String> labels, double value) {
        this(name, help, "gauge", labels, value);
    }
}
