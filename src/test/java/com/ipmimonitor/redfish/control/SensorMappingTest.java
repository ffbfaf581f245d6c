package com.ipmimonitor.redfish.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ipmimonitor.redfish.entity.ChassisPower;
import com.ipmimonitor.redfish.entity.RedfishReading;
import com.ipmimonitor.sensors.entity.SensorKind;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class SensorMappingTest {

    private static RedfishReading named(List<RedfishReading> readings, String name) {
        return readings.stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void newStyleSensorsCarryKindUnitAndThresholdsInIpmiOrder() {
        RedfishReading cpu = SensorMapping.sensor("chassis", Fixtures.json("openbmc", "sensor-1-CPU1_Temp"))
                .orElseThrow();
        assertEquals(SensorKind.TEMPERATURE, cpu.kind());
        assertEquals(OptionalDouble.of(45.0), cpu.value());
        assertEquals("degrees C", cpu.unit());
        assertEquals(Optional.of("OK"), cpu.health());
        assertEquals(OptionalDouble.of(85.0), cpu.thresholds().upperNonCritical());
        assertEquals(OptionalDouble.of(95.0), cpu.thresholds().upperCritical());
        assertEquals(OptionalDouble.of(100.0), cpu.thresholds().upperNonRecoverable());
        assertTrue(cpu.thresholds().lowerCritical().isEmpty());
        RedfishReading fan = SensorMapping.sensor("chassis", Fixtures.json("dell", "sensor-1-Fan1")).orElseThrow();
        assertEquals(SensorKind.FAN, fan.kind());
        assertEquals("RPM", fan.unit());
        assertEquals(OptionalDouble.of(1000.0), fan.thresholds().lowerCritical());
        assertEquals(OptionalDouble.of(1500.0), fan.thresholds().lowerNonCritical());
        assertEquals(SensorKind.VOLTAGE, SensorMapping.sensor("c",
                Fixtures.json("openbmc", "sensor-1-PSU1_Voltage")).orElseThrow().kind());
        assertEquals("Amps", SensorMapping.sensor("c",
                Fixtures.json("openbmc", "sensor-1-PSU1_Current")).orElseThrow().unit());
    }

    @Test
    void legacyThermalGivesTemperaturesAndFansWithTheirThresholds() {
        List<RedfishReading> thermal = SensorMapping.thermal("1", Fixtures.json("hpe", "thermal-1"));
        assertEquals(3, thermal.size());
        RedfishReading inlet = named(thermal, "Inlet Temp");
        assertEquals(SensorKind.TEMPERATURE, inlet.kind());
        assertEquals(OptionalDouble.of(24.0), inlet.value());
        assertEquals(OptionalDouble.of(40.0), inlet.thresholds().upperNonCritical());
        assertEquals(OptionalDouble.of(45.0), inlet.thresholds().upperCritical());
        assertEquals(OptionalDouble.of(3.0), inlet.thresholds().lowerCritical());
        RedfishReading fan = named(thermal, "Fan1");
        assertEquals(SensorKind.FAN, fan.kind());
        assertEquals(OptionalDouble.of(7200.0), fan.value());
        assertEquals(OptionalDouble.of(1000.0), fan.thresholds().lowerCritical());
        List<RedfishReading> second = SensorMapping.thermal("2", Fixtures.json("hpe", "thermal-2"));
        assertEquals(List.of("Exhaust Temp", "Fan2"), second.stream().map(RedfishReading::name).toList());
    }

    @Test
    void legacyPowerGivesVoltagesAndThePowerDraw() {
        var json = Fixtures.json("dell", "power-1");
        RedfishReading volts = named(SensorMapping.power("System.Embedded.1", json), "PSU1 Voltage");
        assertEquals(SensorKind.VOLTAGE, volts.kind());
        assertEquals(OptionalDouble.of(13.2), volts.thresholds().upperCritical());
        ChassisPower draw = SensorMapping.powerDraw("System.Embedded.1", json).orElseThrow();
        assertEquals(285.0, draw.consumedWatts());
        assertEquals(OptionalDouble.of(750.0), draw.capacityWatts());
        assertTrue(SensorMapping.powerDraw("2", Fixtures.json("dell", "power-2")).isEmpty(),
                "the enclosure has no PowerControl");
    }

    @Test
    void absentSensorsAndNullReadingsAreLeftOutOrEmpty() {
        assertTrue(SensorMapping.sensor("c", Fixtures.parse(
                "{\"Id\":\"Fan9\",\"Status\":{\"State\":\"Absent\"},\"Reading\":0}")).isEmpty());
        RedfishReading off = SensorMapping.sensor("c", Fixtures.parse(
                "{\"Id\":\"Fan3\",\"ReadingUnits\":\"RPM\",\"Reading\":null}")).orElseThrow();
        assertEquals(SensorKind.FAN, off.kind(), "kind from the unit when ReadingType is absent");
        assertTrue(off.value().isEmpty());
        assertEquals("Fan3", off.name());
        assertTrue(SensorMapping.powerDraw("c", Fixtures.parse(
                "{\"PowerControl\":[{\"PowerConsumedWatts\":null}]}")).isEmpty());
    }
}
