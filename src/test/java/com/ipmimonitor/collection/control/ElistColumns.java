package com.ipmimonitor.collection.control;

import com.ipmimonitor.events.entity.SelEvent;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * One line of `ipmitool sel elist` as columns, and the same columns built from what the monitor stored, so that
 * a differential test can compare them one by one (and name the column that differs).
 */
public record ElistColumns(String id, String date, String time, String sensor, String description, String direction,
                    String detail) {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("MM/dd/yy");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss 'UTC'");

    /** ipmitool's line: "id | date | time | type name | description | direction [| detail]", OEM lines shorter. */
    public static ElistColumns parse(String line) {
        List<String> cols = new ArrayList<>(Arrays.stream(line.split("\\|", -1)).map(String::trim).toList());
        String id = cols.remove(0);
        String date = "";
        String time = "";
        if (cols.size() > 2 && cols.get(0).matches("\\d\\d/\\d\\d/\\d\\d")) {
            date = cols.remove(0);
            time = cols.remove(0);
        }
        String first = cols.remove(0);
        if (first.startsWith("OEM record") || first.startsWith("Linux kernel panic")) {
            return new ElistColumns(id, date, time, "", first, "", String.join(" | ", cols));
        }
        return new ElistColumns(id, date, time, first, cols.get(0), cols.get(1), cols.size() > 2 ? cols.get(2) : "");
    }

    /** The same columns from a stored event; the sensor column as ipmitool prints a resolved one ("type name"). */
    public static ElistColumns of(SelEvent e) {
        String id = Integer.toHexString(e.getRecordId());
        String date = e.findEventTime().map(DATE::format).orElse("");
        String time = e.findEventTime().map(TIME::format).orElse("");
        if (e.isOem()) {
            return new ElistColumns(id, date, time, "", e.getDescription(), "", e.findDetail().orElse(""));
        }
        String sensor = e.getSensorType() + e.findSensorName().map(n -> " " + n).orElse("");
        return new ElistColumns(id, date, time, sensor, e.getDescription(), e.findDirection().orElse(""),
                e.findDetail().orElse(""));
    }

    /** ipmitool printed no name: it found no SDR record for the event's generator, number and type. */
    public boolean sensorUnresolved() {
        return sensor.matches(".* #0x[0-9a-f]{2}") || !sensor.contains(" ") && !sensor.isEmpty();
    }

    public Optional<String> sensorType() {
        return sensor.isEmpty() ? Optional.empty() : Optional.of(sensor.replaceAll(" #0x[0-9a-f]{2}$", ""));
    }
}
