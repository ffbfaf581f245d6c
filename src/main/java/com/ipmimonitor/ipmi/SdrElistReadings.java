package com.ipmimonitor.ipmi;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sensor readings from a plain {@code ipmitool -S <cache> sdr elist}, as the rows {@code ipmitool sensor} prints:
 * <pre>
 * FAN2             | 11h | lcr | 29.2 | 400 RPM
 * PS2 Status       | 41h | ok  | 10.2 | Presence detected, Failure detected
 * </pre>
 * A steady-state poll reads its sensors this way: the verbose listing (SdrSensorReadings) costs ipmitool more CPU
 * and prints 8 times the text, and what it adds (sensor type, threshold or discrete, readable thresholds) does not
 * change between polls: it comes from the same cached SDR (SdrSensor). Rows are told apart from the other
 * commands of an exec by their shape, so they may follow any output.
 */
public final class SdrElistReadings {

    private static final Pattern ROW = Pattern.compile(
            "^(.*?)\\s*\\|\\s*([0-9a-fA-F]{2})h\\s*\\|\\s*(\\S*)\\s*\\|\\s*[0-9]+\\.[0-9]+\\s*\\|\\s?(.*?)\\s*$");
    private static final Pattern VALUE = Pattern.compile("^([-+]?[0-9]*\\.?[0-9]+(?:[eE][-+]?[0-9]+)?)(?:\\s+(.*))?$");

    private SdrElistReadings() {
    }

    /** The listing's rows of an exec output, in order. */
    public static String rowsIn(String execOutput) {
        StringBuilder rows = new StringBuilder();
        execOutput.lines().filter(l -> ROW.matcher(l).matches()).forEach(l -> rows.append(l).append('\n'));
        return rows.toString();
    }

    /** Everything else of an exec output (the probe's commands). */
    public static String withoutRows(String execOutput) {
        StringBuilder rest = new StringBuilder();
        execOutput.lines().filter(l -> !ROW.matcher(l).matches()).forEach(l -> rest.append(l).append('\n'));
        return rest.toString();
    }

    /** One row per listed sensor that has a Full or Compact record in the SDR (others cannot be told apart). */
    public static List<SensorRow> parse(String listing, List<SdrSensor> sdr) {
        Map<Integer, SdrSensor> byNumber = new HashMap<>();
        // sensor numbers are unique per owner only: the first record of a number wins, as in SdrSensorReadings
        sdr.forEach(s -> byNumber.putIfAbsent(s.sensorNumber(), s));
        List<SensorRow> rows = new ArrayList<>();
        for (String line : listing.split("\\R")) {
            Matcher m = ROW.matcher(line);
            if (!m.matches()) {
                continue;
            }
            SdrSensor sensor = byNumber.get(Integer.parseInt(m.group(2), 16));
            if (sensor != null) {
                rows.add(row(m.group(1), m.group(3), m.group(4), sensor));
            }
        }
        return rows;
    }

    /** Sensor name to sensor type, for the listed sensors that have a record (the first name of a number wins). */
    public static Map<String, Integer> sensorTypes(String listing, List<SdrSensor> sdr) {
        Map<Integer, Integer> types = new HashMap<>();
        sdr.forEach(s -> types.putIfAbsent(s.sensorNumber(), s.sensorType()));
        Map<String, Integer> byName = new HashMap<>();
        for (String line : listing.split("\\R")) {
            Matcher m = ROW.matcher(line);
            Integer type = m.matches() ? types.get(Integer.parseInt(m.group(2), 16)) : null;
            if (type != null) {
                byName.putIfAbsent(m.group(1), type);
            }
        }
        return byName;
    }

    private static SensorRow row(String name, String status, String reading, SdrSensor sensor) {
        List<OptionalDouble> t = sensor.thresholds();
        if (!sensor.threshold()) {
            return new SensorRow(name, OptionalDouble.empty(), "discrete", "", true,
                    SensorStates.wordOfListed(sensor.sensorType(), reading), t.get(0), t.get(1), t.get(2), t.get(3),
                    t.get(4), t.get(5));
        }
        Matcher v = VALUE.matcher(reading);
        OptionalDouble value = v.matches() ? finite(Double.parseDouble(v.group(1))) : OptionalDouble.empty();
        String unit = v.matches() && v.group(2) != null ? v.group(2).strip() : "";
        return new SensorRow(name, value, unit, value.isPresent() ? statusWord(status) : "na", false, "",
                t.get(0), t.get(1), t.get(2), t.get(3), t.get(4), t.get(5));
    }

    /** The listing's status ("lcr", "unr") in the word `sensor` prints ("cr", "nr"). */
    static String statusWord(String listed) {
        if (listed.endsWith("nr")) {
            return "nr";
        }
        if (listed.endsWith("cr")) {
            return "cr";
        }
        if (listed.endsWith("nc")) {
            return "nc";
        }
        return listed.equals("ok") ? "ok" : "na";
    }

    private static OptionalDouble finite(double d) {
        return Double.isFinite(d) ? OptionalDouble.of(d) : OptionalDouble.empty();
    }
}
