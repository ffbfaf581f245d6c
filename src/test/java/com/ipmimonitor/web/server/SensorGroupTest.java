package com.ipmimonitor.web.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.ipmimonitor.sensors.boundary.SensorView;
import com.ipmimonitor.sensors.entity.SensorKind;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class SensorGroupTest {

    @Test
    void groupsFollowTheOperatorsOrderAndSkipEmptyKinds() {
        List<SensorGroup> groups = SensorGroup.of(List.of(sensor("12V", "voltage"), sensor("FAN1", "fan"),
                sensor("CPU1 Temp", "temperature"), sensor("FAN2", "fan"), sensor("PS1 Status", "discrete")));

        assertEquals(List.of("Temperature", "Fans", "Voltage", "State sensors"), groups.stream().map(SensorGroup::title).toList());
        assertEquals(List.of("FAN1", "FAN2"), groups.get(1).sensors().stream().map(SensorView::sensorName).toList());
    }

    @Test
    void everySensorKindHasAGroup() {
        List<SensorView> one = Arrays.stream(SensorKind.values())
                .map(k -> sensor(k.name(), k.name().toLowerCase(Locale.ROOT))).toList();
        assertEquals(SensorKind.values().length, SensorGroup.of(one).size());
    }

    private static SensorView sensor(String name, String kind) {
        return new SensorView(name, kind, 1.0, null, "ok", null, null, null, null, null, null, null, "ok", null);
    }
}
