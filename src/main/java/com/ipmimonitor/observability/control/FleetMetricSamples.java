package com.ipmimonitor.observability.control;

import com.ipmimonitor.collection.entity.SelFill;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The series of the original IPMI Monitor (same names and labels, so existing dashboards and alerts keep
 * working), plus sensor gauges and collection health. ipmi_last_collection_timestamp is the real time of the
 * last successful poll: the original set it to the scrape time, so "time since last collection" was always 0.
 */
public final class FleetMetricSamples {

    private static final Map<String, String[]> SENSOR_SERIES = Map.of(
            "TEMPERATURE", new String[] {"ipmi_temperature_celsius", "Temperature sensor reading in degrees Celsius"},
            "FAN", new String[] {"ipmi_fan_speed_rpm", "Fan speed in RPM"},
            "VOLTAGE", new String[] {"ipmi_voltage_volts", "Voltage sensor reading in volts"},
            "POWER", new String[] {"ipmi_power_watts", "Power reading in watts (sensors and DCMI)"});

    private FleetMetricSamples() {
    }

    public static List<MetricSample> of(List<ServerFacts> servers, List<SensorFact> sensors) {
        List<MetricSample> samples = new ArrayList<>();
        for (ServerFacts s : servers) {
            Map<String, String> labels = labels(s.bmcIp(), s.serverName());
            // only this series says how the BMC is read: the others keep the original's labels, so that queries
            // joining them on (bmc_ip, server_name) are unchanged
            Map<String, String> withProtocol = new LinkedHashMap<>(labels);
            withProtocol.put("protocol", s.protocol());
            samples.add(new MetricSample("ipmi_server_reachable", "1 when the BMC answered the last poll", withProtocol,
                    flag(s.reachable())));
            samples.add(new MetricSample("ipmi_server_power_on", "1 when the chassis power is on", labels, flag(s.powerOn())));
            // a counter (the original exported a gauge named _total); it resets when stored events are deleted
            samples.add(new MetricSample("ipmi_events_total", "SEL events stored for the server", "counter", labels,
                    s.eventsTotal()));
            samples.add(new MetricSample("ipmi_events_critical_24h", "Critical SEL events in the last 24 hours", labels, s.critical24h()));
            samples.add(new MetricSample("ipmi_events_warning_24h", "Warning SEL events in the last 24 hours", labels, s.warning24h()));
            s.lastDurationSeconds().ifPresent(d -> samples.add(new MetricSample("ipmi_collection_duration_seconds",
                    "Duration of the last poll of the BMC", labels, d)));
            s.lastSuccessEpoch().ifPresent(t -> samples.add(new MetricSample("ipmi_server_last_success_timestamp_seconds",
                    "Unix time of the last successful poll of the BMC", labels, t)));
            s.selUsedRatio().ifPresent(r -> samples.add(new MetricSample("ipmi_sel_used_ratio",
                    "How full the BMC's System Event Log is, 0 to 1 (1 once it overflowed: new events are lost)",
                    labels, r)));
            s.failures24h().forEach((kind, n) -> {
                Map<String, String> withKind = new LinkedHashMap<>(labels);
                withKind.put("kind", kind);
                samples.add(new MetricSample("ipmi_collection_failures_24h", "Failed polls in the last 24 hours by kind",
                        withKind, n));
            });
        }
        samples.add(new MetricSample("ipmi_total_servers", "Servers monitored", Map.of(), servers.size()));
        samples.add(new MetricSample("ipmi_reachable_servers", "Servers whose BMC answered the last poll", Map.of(),
                servers.stream().filter(ServerFacts::reachable).count()));
        samples.add(new MetricSample("ipmi_total_critical_events_24h", "Critical SEL events in the last 24 hours, all servers",
                Map.of(), servers.stream().mapToLong(ServerFacts::critical24h).sum()));
        samples.add(new MetricSample("ipmi_total_warning_events_24h", "Warning SEL events in the last 24 hours, all servers",
                Map.of(), servers.stream().mapToLong(ServerFacts::warning24h).sum()));
        samples.add(new MetricSample("ipmi_sel_full_servers", "Servers whose SEL is at least 90 % used or overflowed",
                Map.of(), servers.stream().filter(s -> s.selUsedRatio().map(r -> r >= SelFill.NEARLY_FULL).orElse(false)).count()));
        servers.stream().map(ServerFacts::lastSuccessEpoch).flatMap(Optional::stream).max(Long::compare)
                .ifPresent(t -> samples.add(new MetricSample("ipmi_last_collection_timestamp",
                        "Unix time of the last successful poll of any BMC", Map.of(), t)));
        for (SensorFact f : sensors) {
            String[] series = SENSOR_SERIES.get(f.kind());
            if (series != null) {
                Map<String, String> labels = labels(f.bmcIp(), f.serverName());
                labels.put("sensor_name", f.sensorName());
                samples.add(new MetricSample(series[0], series[1], labels, f.value()));
            }
        }
        return samples;
    }

    private static Map<String, String> labels(String bmcIp, String serverName) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("bmc_ip", bmcIp);
        labels.put("server_name", serverName);
        return labels;
    }

    private static double flag(boolean b) {
        return b ? 1 : 0;
    }
}
