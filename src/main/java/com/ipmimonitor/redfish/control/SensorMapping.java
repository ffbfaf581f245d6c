package com.ipmimonitor.redfish.control;

import static com.ipmimonitor.redfish.control.JsonFields.health;
import static com.ipmimonitor.redfish.control.JsonFields.number;
import static com.ipmimonitor.redfish.control.JsonFields.object;
import static com.ipmimonitor.redfish.control.JsonFields.objects;
import static com.ipmimonitor.redfish.control.JsonFields.string;

import com.ipmimonitor.redfish.entity.ChassisPower;
import com.ipmimonitor.redfish.entity.RedfishReading;
import com.ipmimonitor.redfish.entity.Thresholds;
import com.ipmimonitor.sensors.entity.SensorKind;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.BiFunction;

/**
 * Chassis readings to RedfishReadings: Sensor resources (Chassis/x/Sensors/y, schema 2020 on) and the legacy
 * Thermal (Temperatures, Fans) and Power (Voltages, PowerControl) arrays that iLO 5 and older iDRACs still serve.
 * Absent sensors (Status.State "Absent") are left out, as ipmitool leaves out "ns" ones. No I/O.
 */
public final class SensorMapping {

    private static final Map<String, String> UNITS = Map.of(
            "Cel", "degrees C", "RPM", "RPM", "V", "Volts", "W", "Watts", "A", "Amps", "%", "percent");
    private static final Map<String, SensorKind> READING_TYPES = Map.of(
            "Temperature", SensorKind.TEMPERATURE, "Rotational", SensorKind.FAN, "Voltage", SensorKind.VOLTAGE,
            "Power", SensorKind.POWER, "Current", SensorKind.CURRENT);

    private SensorMapping() {
    }

    public static Optional<RedfishReading> sensor(String chassisId, JsonObject sensor) {
        if (absent(sensor)) {
            return Optional.empty();
        }
        String units = string(sensor, "ReadingUnits").orElse("");
        String unit = UNITS.getOrDefault(units, units);
        SensorKind kind = string(sensor, "ReadingType").map(READING_TYPES::get)
                .orElseGet(() -> SensorKind.ofUnit(unit, false));
        Thresholds thresholds = object(sensor, "Thresholds").map(t -> thresholds(t, SensorMapping::newStyle))
                .orElse(Thresholds.NONE);
        return Optional.of(new RedfishReading(chassisId, name(sensor), kind, number(sensor, "Reading"), unit,
                health(sensor, "Health"), thresholds));
    }

    public static List<RedfishReading> thermal(String chassisId, JsonObject thermal) {
        List<RedfishReading> readings = new ArrayList<>();
        for (JsonObject t : objects(thermal, "Temperatures")) {
            legacy(chassisId, t, SensorKind.TEMPERATURE, number(t, "ReadingCelsius"), "degrees C")
                    .ifPresent(readings::add);
        }
        for (JsonObject fan : objects(thermal, "Fans")) {
            String units = string(fan, "ReadingUnits").orElse("RPM");
            legacy(chassisId, fan, units.equals("Percent") ? SensorKind.OTHER : SensorKind.FAN,
                    number(fan, "Reading"), units.equals("Percent") ? "percent" : "RPM").ifPresent(readings::add);
        }
        return readings;
    }

    public static List<RedfishReading> power(String chassisId, JsonObject power) {
        List<RedfishReading> readings = new ArrayList<>();
        for (JsonObject v : objects(power, "Voltages")) {
            legacy(chassisId, v, SensorKind.VOLTAGE, number(v, "ReadingVolts"), "Volts").ifPresent(readings::add);
        }
        return readings;
    }

    /** The first PowerControl that reports PowerConsumedWatts; empty when none does (powered-off iLOs send null). */
    public static Optional<ChassisPower> powerDraw(String chassisId, JsonObject power) {
        return objects(power, "PowerControl").stream()
                .filter(control -> number(control, "PowerConsumedWatts").isPresent())
                .findFirst()
                .map(control -> new ChassisPower(chassisId, number(control, "PowerConsumedWatts").getAsDouble(),
                        number(control, "PowerCapacityWatts")));
    }

    private static Optional<RedfishReading> legacy(String chassisId, JsonObject item, SensorKind kind,
                                                   OptionalDouble value, String unit) {
        if (absent(item)) {
            return Optional.empty();
        }
        return Optional.of(new RedfishReading(chassisId, name(item), kind, value, unit, health(item, "Health"),
                thresholds(item, SensorMapping::legacyStyle)));
    }

    private static Thresholds thresholds(JsonObject source, BiFunction<JsonObject, String, OptionalDouble> read) {
        return new Thresholds(read.apply(source, "LowerFatal"), read.apply(source, "LowerCritical"),
                read.apply(source, "LowerCaution"), read.apply(source, "UpperCaution"),
                read.apply(source, "UpperCritical"), read.apply(source, "UpperFatal"));
    }

    /** {"UpperCritical": {"Reading": 95.0}} */
    private static OptionalDouble newStyle(JsonObject thresholds, String name) {
        return object(thresholds, name).map(t -> number(t, "Reading")).orElse(OptionalDouble.empty());
    }

    /** "UpperThresholdCritical": 95.0; Caution was called NonCritical there. */
    private static OptionalDouble legacyStyle(JsonObject item, String name) {
        String level = name.replace("Lower", "").replace("Upper", "").replace("Caution", "NonCritical");
        return number(item, (name.startsWith("Lower") ? "LowerThreshold" : "UpperThreshold") + level);
    }

    private static String name(JsonObject item) {
        return string(item, "Name").or(() -> string(item, "FanName")).orElse(JsonFields.id(item));
    }

    private static boolean absent(JsonObject item) {
        return object(item, "Status").flatMap(s -> string(s, "State")).filter("Absent"::equals).isPresent();
    }
}
