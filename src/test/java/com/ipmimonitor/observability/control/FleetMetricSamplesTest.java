package com.ipmimonitor.observability.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FleetMetricSamplesTest {

    private final ServerFacts up = new ServerFacts("10.0.0.1", "gpu-01", true, true, 120, 2, 5, Optional.of(0.25),
            Optional.of(1_795_500_000L), Map.of());
    private final ServerFacts authFailed = new ServerFacts("10.0.0.2", "gpu-02", false, false, 0, 0, 0, Optional.of(0.02),
            Optional.of(1_795_400_000L), Map.of("AUTH_FAILED", 3L));

    @Test
    void perServerSeriesCarryTheOriginalNamesAndLabels() {
        var samples = FleetMetricSamples.of(List.of(up, authFailed), List.of());
        assertEquals(1.0, value(samples, "ipmi_server_reachable", "10.0.0.1"));
        assertEquals(0.0, value(samples, "ipmi_server_reachable", "10.0.0.2"));
        assertEquals(1.0, value(samples, "ipmi_server_power_on", "10.0.0.1"));
        assertEquals(2.0, value(samples, "ipmi_events_critical_24h", "10.0.0.1"));
        assertEquals(5.0, value(samples, "ipmi_events_warning_24h", "10.0.0.1"));
        assertEquals(120.0, value(samples, "ipmi_events_total", "10.0.0.1"));
        assertEquals(Map.of("bmc_ip", "10.0.0.1", "server_name", "gpu-01", "protocol", "ipmi"),
                find(samples, "ipmi_server_reachable", "10.0.0.1").labels());
        assertEquals(Map.of("bmc_ip", "10.0.0.1", "server_name", "gpu-01"), find(samples, "ipmi_server_power_on", "10.0.0.1").labels());
    }

    @Test
    void onlyReachabilitySaysHowTheBmcIsRead() {
        var redfish = new ServerFacts("10.0.0.7", "ilo-07", true, true, 5, 0, 0, Optional.of(0.1),
                Optional.of(1_795_500_000L), Map.of("TIMEOUT", 1L), Optional.of(0.2), "redfish");
        var notProbedYet = new ServerFacts("10.0.0.8", "new-08", false, false, 0, 0, 0, Optional.empty(),
                Optional.empty(), Map.of(), Optional.empty(), "auto");
        var samples = FleetMetricSamples.of(List.of(up, redfish, notProbedYet), List.of());
        assertEquals("redfish", find(samples, "ipmi_server_reachable", "10.0.0.7").labels().get("protocol"));
        assertEquals("auto", find(samples, "ipmi_server_reachable", "10.0.0.8").labels().get("protocol"));
        assertEquals("ipmi", find(samples, "ipmi_server_reachable", "10.0.0.1").labels().get("protocol"));
        assertEquals(List.of("ipmi_server_reachable"), samples.stream().filter(s -> s.labels().containsKey("protocol"))
                .map(MetricSample::name).distinct().toList(), "every other series keeps its labels");
    }

    @Test
    void theSelFillIsAGaugePerServerWithAFleetCountOfFullOnes() {
        var full = new ServerFacts("10.0.0.3", "gpu-03", true, true, 1024, 0, 0, Optional.of(0.3),
                Optional.of(1_795_500_000L), Map.of(), Optional.of(1.0));
        var nearly = new ServerFacts("10.0.0.4", "gpu-04", true, true, 900, 0, 0, Optional.of(0.3),
                Optional.of(1_795_500_000L), Map.of(), Optional.of(0.9));
        var roomy = new ServerFacts("10.0.0.5", "gpu-05", true, true, 10, 0, 0, Optional.of(0.3),
                Optional.of(1_795_500_000L), Map.of(), Optional.of(0.01));
        var samples = FleetMetricSamples.of(List.of(up, full, nearly, roomy), List.of());
        assertEquals(1.0, value(samples, "ipmi_sel_used_ratio", "10.0.0.3"));
        assertEquals(0.9, value(samples, "ipmi_sel_used_ratio", "10.0.0.4"));
        assertEquals(0.01, value(samples, "ipmi_sel_used_ratio", "10.0.0.5"));
        assertEquals(Map.of("bmc_ip", "10.0.0.3", "server_name", "gpu-03"), find(samples, "ipmi_sel_used_ratio", "10.0.0.3").labels());
        assertEquals(3, samples.stream().filter(s -> s.name().equals("ipmi_sel_used_ratio")).count(),
                "no series for a BMC that never said how full its SEL is");
        assertEquals(2.0, only(samples, "ipmi_sel_full_servers"));
    }

    @Test
    void fleetTotalsAndTheRealLastCollectionTime() {
        var samples = FleetMetricSamples.of(List.of(up, authFailed), List.of());
        assertEquals(2.0, only(samples, "ipmi_total_servers"));
        assertEquals(1.0, only(samples, "ipmi_reachable_servers"));
        assertEquals(2.0, only(samples, "ipmi_total_critical_events_24h"));
        assertEquals(5.0, only(samples, "ipmi_total_warning_events_24h"));
        assertEquals(1_795_500_000.0, only(samples, "ipmi_last_collection_timestamp"), "newest success, not the scrape time");
    }

    @Test
    void failuresAreCountedByKind() {
        var failure = FleetMetricSamples.of(List.of(authFailed), List.of()).stream()
                .filter(s -> s.name().equals("ipmi_collection_failures_24h")).findFirst().orElseThrow();
        assertEquals("AUTH_FAILED", failure.labels().get("kind"));
        assertEquals(3.0, failure.value());
    }

    @Test
    void sensorsBecomeTypedGaugesAndDiscreteOnesAreLeftOut() {
        var samples = FleetMetricSamples.of(List.of(up), List.of(
                new SensorFact("10.0.0.1", "gpu-01", "CPU1 Temp", "TEMPERATURE", 44),
                new SensorFact("10.0.0.1", "gpu-01", "FAN1", "FAN", 8300),
                new SensorFact("10.0.0.1", "gpu-01", "12V", "VOLTAGE", 12.05),
                new SensorFact("10.0.0.1", "gpu-01", "DCMI", "POWER", 560),
                new SensorFact("10.0.0.1", "gpu-01", "PS1 Status", "DISCRETE", 1)));
        assertEquals(44.0, sensor(samples, "ipmi_temperature_celsius", "CPU1 Temp"));
        assertEquals(8300.0, sensor(samples, "ipmi_fan_speed_rpm", "FAN1"));
        assertEquals(12.05, sensor(samples, "ipmi_voltage_volts", "12V"));
        assertEquals(560.0, sensor(samples, "ipmi_power_watts", "DCMI"));
        assertFalse(samples.stream().anyMatch(s -> "PS1 Status".equals(s.labels().get("sensor_name"))));
    }

    @Test
    void textFormatHasOneHelpAndTypePerFamilyAndEscapesLabels() {
        ServerFacts odd = new ServerFacts("10.0.0.3", "rack \"A\"\\1", true, true, 1, 0, 0, Optional.empty(), Optional.empty(), Map.of());
        String text = PrometheusText.render(FleetMetricSamples.of(List.of(up, odd), List.of()));
        assertEquals(1, text.lines().filter(l -> l.equals("# TYPE ipmi_server_reachable gauge")).count());
        assertTrue(text.contains("# TYPE ipmi_events_total counter"), text);
        assertTrue(text.contains("ipmi_server_reachable{bmc_ip=\"10.0.0.3\",server_name=\"rack \\\"A\\\"\\\\1\",protocol=\"ipmi\"} 1"), text);
        assertTrue(text.contains("ipmi_collection_duration_seconds{bmc_ip=\"10.0.0.1\",server_name=\"gpu-01\"} 0.25"), text);
    }

    private static MetricSample find(List<MetricSample> samples, String name, String bmcIp) {
        return samples.stream().filter(s -> s.name().equals(name) && bmcIp.equals(s.labels().get("bmc_ip")))
                .findFirst().orElseThrow(() -> new AssertionError(name + " for " + bmcIp));
    }

    private static double value(List<MetricSample> samples, String name, String bmcIp) {
        return find(samples, name, bmcIp).value();
    }

    private static double only(List<MetricSample> samples, String name) {
        return samples.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow().value();
    }

    private static double sensor(List<MetricSample> samples, String name, String sensorName) {
        return samples.stream().filter(s -> s.name().equals(name) && sensorName.equals(s.labels().get("sensor_name")))
                .findFirst().orElseThrow(() -> new AssertionError(name + " " + sensorName)).value();
    }
}
