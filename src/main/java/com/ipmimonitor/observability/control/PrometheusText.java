package com.ipmimonitor.observability.control;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Prometheus text exposition format 0.0.4: one HELP and TYPE per family, escaped label values. */
public final class PrometheusText {

    private PrometheusText() {
    }

    public static String render(List<MetricSample> samples) {
        Map<String, List<MetricSample>> families = samples.stream()
                .collect(Collectors.groupingBy(MetricSample::name, LinkedHashMap::new, Collectors.toList()));
        StringBuilder out = new StringBuilder();
        families.forEach((name, series) -> {
            out.append("# HELP ").append(name).append(' ').append(escapeHelp(series.get(0).help())).append('\n');
            out.append("# TYPE ").append(name).append(' ').append(series.get(0).type()).append('\n');
            for (MetricSample s : series) {
                out.append(name);
                if (!s.labels().isEmpty()) {
                    out.append(s.labels().entrySet().stream()
                            .map(e -> e.getKey() + "=\"" + escapeLabel(e.getValue()) + "\"")
                            .collect(Collectors.joining(",", "{", "}")));
                }
                out.append(' ').append(number(s.value())).append('\n');
            }
        });
        return out.toString();
    }

    static String escapeLabel(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    private static String escapeHelp(String help) {
        return help.replace("\\", "\\\\").replace("\n", "\\n");
    }

    private static String number(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.valueOf((long) v);
        }
        return String.format(Locale.ROOT, "%s", v);
    }
}
