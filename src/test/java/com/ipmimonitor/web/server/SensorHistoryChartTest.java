package com.ipmimonitor.web.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ipmimonitor.sensors.boundary.SensorView;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SensorHistoryChartTest {

    private static final OffsetDateTime T0 = OffsetDateTime.of(2026, 11, 24, 10, 0, 0, 0, ZoneOffset.UTC);

    @Test
    void readingsBecomeALineWithTheCriticalThresholdsDashed() {
        List<SensorView> history = List.of(reading("FAN2", 8400.0, 0), reading("FAN2", 400.0, 20));
        JsonObject chart = parse(SensorHistoryChart.json("FAN2", history));

        assertEquals("line", chart.getString("type"));
        var data = chart.getJsonObject("data");
        assertEquals(List.of("11-24 10:00", "11-24 10:00"), data.getJsonArray("labels").getValuesAs(jakarta.json.JsonString::getString));
        var datasets = data.getJsonArray("datasets");
        assertEquals("FAN2 (RPM)", datasets.getJsonObject(0).getString("label"));
        assertEquals(400.0, datasets.getJsonObject(0).getJsonArray("data").getJsonNumber(1).doubleValue());
        assertEquals("lower critical", datasets.getJsonObject(1).getString("label"));
        assertEquals(500.0, datasets.getJsonObject(1).getJsonArray("data").getJsonNumber(0).doubleValue());
        assertEquals(2, datasets.size(), "no upper thresholds on a fan: no line for them");
    }

    @Test
    void longHistoriesAreAveragedIntoAFewHundredPoints() {
        List<SensorView> history = new ArrayList<>();
        for (int i = 0; i < 8640; i++) {
            history.add(reading("CPU1 Temp", i % 2 == 0 ? 40.0 : 50.0, i * 300L));
        }
        var values = parse(SensorHistoryChart.json("CPU1 Temp", history)).getJsonObject("data").getJsonArray("datasets")
                .getJsonObject(0).getJsonArray("data");
        assertTrue(values.size() <= SensorHistoryChart.MAX_POINTS, "points: " + values.size());
        assertEquals(45.0, values.getJsonNumber(0).doubleValue(), 0.001);
    }

    @Test
    void markupInASensorNameCannotCloseTheScriptBlockItIsWrittenInto() {
        String json = SensorHistoryChart.json("</script><script>alert(1)</script>&", List.of(reading("x", 1.0, 0)));
        assertFalse(json.contains("<") || json.contains(">") || json.contains("&"), json);
        assertTrue(parse(json).getJsonObject("data").getJsonArray("datasets").getJsonObject(0).getString("label")
                .startsWith("</script><script>alert(1)</script>&"), "still the same text once parsed");
    }

    @Test
    void noReadingsGiveAnEmptyChart() {
        var data = parse(SensorHistoryChart.json("FAN1", List.of())).getJsonObject("data");
        assertEquals(0, data.getJsonArray("labels").size());
    }

    private static SensorView reading(String name, double value, long secondsAfter) {
        return new SensorView(name, "fan", value, "RPM", "ok", 300.0, 500.0, 700.0, null, null, null,
                T0.plusSeconds(secondsAfter), "ok", null);
    }

    private static JsonObject parse(String json) {
        return Json.createReader(new StringReader(json)).readObject();
    }
}
