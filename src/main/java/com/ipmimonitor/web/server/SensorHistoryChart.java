package com.ipmimonitor.web.server;

import com.ipmimonitor.sensors.boundary.SensorView;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The Chart.js configuration p:chart draws for one sensor's history: the readings, and the BMC's critical
 * thresholds as dashed lines so that "how close did it get" is visible. Long histories are averaged into at
 * most MAX_POINTS buckets (30 days of 5-minute polls would otherwise be 8,640 points per chart).
 */
public final class SensorHistoryChart {

    static final int MAX_POINTS = 360;
    private static final DateTimeFormatter LABEL = DateTimeFormatter.ofPattern("MM-dd HH:mm");

    private SensorHistoryChart() {
    }

    /** history: oldest first, one sensor. */
    public static String json(String sensorName, List<SensorView> history) {
        List<List<SensorView>> buckets = buckets(history.stream().filter(r -> r.value() != null).toList());
        JsonArrayBuilder labels = Json.createArrayBuilder();
        JsonArrayBuilder values = Json.createArrayBuilder();
        for (List<SensorView> bucket : buckets) {
            labels.add(LABEL.format(bucket.get(0).collectedAt().withOffsetSameInstant(ZoneOffset.UTC)));
            values.add(round(bucket.stream().mapToDouble(SensorView::value).average().orElseThrow()));
        }
        String unit = history.isEmpty() || history.get(history.size() - 1).unit() == null ? ""
                : " (" + history.get(history.size() - 1).unit() + ")";
        JsonArrayBuilder datasets = Json.createArrayBuilder()
                .add(dataset(sensorName + unit, values, "#1565c0", false));
        addThreshold(datasets, "upper critical", history, SensorView::upperCritical, buckets.size());
        addThreshold(datasets, "lower critical", history, SensorView::lowerCritical, buckets.size());
        return Json.createObjectBuilder()
                .add("type", "line")
                .add("data", Json.createObjectBuilder().add("labels", labels).add("datasets", datasets))
                .add("options", Json.createObjectBuilder()
                        .add("animation", false)
                        .add("maintainAspectRatio", false)
                        .add("scales", Json.createObjectBuilder().add("x", Json.createObjectBuilder()
                                .add("ticks", Json.createObjectBuilder().add("maxTicksLimit", 10)))))
                .build().toString()
                // p:chart writes this into a <script> block: a sensor name with "</script>" must not end it.
                // In JSON these characters can only occur inside strings, where \\u escapes mean the same.
                .replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
    }

    static List<List<SensorView>> buckets(List<SensorView> readings) {
        int size = Math.max(1, (int) Math.ceil(readings.size() / (double) MAX_POINTS));
        List<List<SensorView>> buckets = new ArrayList<>();
        for (int i = 0; i < readings.size(); i += size) {
            buckets.add(readings.subList(i, Math.min(readings.size(), i + size)));
        }
        return buckets;
    }

    /** A flat dashed line at the newest reading's threshold, when the BMC has one. */
    private static void addThreshold(JsonArrayBuilder datasets, String label, List<SensorView> history,
                                     Function<SensorView, Double> threshold, int points) {
        if (history.isEmpty() || threshold.apply(history.get(history.size() - 1)) == null || points == 0) {
            return;
        }
        double limit = threshold.apply(history.get(history.size() - 1));
        JsonArrayBuilder line = Json.createArrayBuilder();
        for (int i = 0; i < points; i++) {
            line.add(limit);
        }
        datasets.add(dataset(label, line, "#b00020", true));
    }

    private static JsonObjectBuilder dataset(String label, JsonArrayBuilder data, String colour, boolean dashed) {
        JsonObjectBuilder d = Json.createObjectBuilder().add("label", label).add("data", data)
                .add("borderColor", colour).add("backgroundColor", colour).add("fill", false)
                .add("pointRadius", dashed ? 0 : 1).add("borderWidth", dashed ? 1 : 2);
        if (dashed) {
            d.add("borderDash", Json.createArrayBuilder().add(6).add(4));
        }
        return d;
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
