package com.ipmimonitor.web.server;

import com.ipmimonitor.sensors.boundary.SensorView;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Sensors of one kind, in the order operators scan a server: temperatures first, state sensors last. */
public record SensorGroup(String title, List<SensorView> sensors) implements Serializable {

    private static final Map<String, String> TITLES = new LinkedHashMap<>();

    static {
        TITLES.put("temperature", "Temperature");
        TITLES.put("fan", "Fans");
        TITLES.put("voltage", "Voltage");
        TITLES.put("power", "Power");
        TITLES.put("current", "Current");
        TITLES.put("other", "Other");
        TITLES.put("discrete", "State sensors");
    }

    static List<SensorGroup> of(List<SensorView> readings) {
        List<SensorGroup> groups = new ArrayList<>();
        TITLES.forEach((kind, title) -> {
            List<SensorView> members = readings.stream().filter(r -> kind.equals(r.sensorType())).toList();
            if (!members.isEmpty()) {
                groups.add(new SensorGroup(title, members));
            }
        });
        return groups;
    }
}
