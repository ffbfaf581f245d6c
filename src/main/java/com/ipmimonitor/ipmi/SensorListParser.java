package com.ipmimonitor.ipmi;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Parses {@code ipmitool sensor}: name | value | unit | status | lnr | lcr | lnc | unc | ucr | unr.
 * The order of the six thresholds matters: the old Flask app read them shifted by one column.
 */
public final class SensorListParser {

    private static final int COLUMNS = 10;
    private static final String NOT_AVAILABLE = "na";
    private static final String DISCRETE_UNIT = "discrete";

    private SensorListParser() {
    }

    public static List<SensorRow> parse(String stdout) {
        List<SensorRow> rows = new ArrayList<>();
        for (String line : stdout.split("\\R")) {
            if (!line.isBlank()) {
                rows.add(parseLine(line));
            }
        }
        return rows;
    }

    private static SensorRow parseLine(String line) {
        String[] cols = Arrays.stream(line.split("\\|", -1)).map(String::trim).toArray(String[]::new);
        if (cols.length != COLUMNS) {
            throw new IpmitoolParseException("sensor line without 10 columns", line);
        }
        // discrete sensors print a hex reading ("0x1") and the state bits where the status would be ("0x0100")
        boolean discrete = DISCRETE_UNIT.equals(cols[2]);
        OptionalDouble value = discrete ? OptionalDouble.empty() : numberOf(cols[1], line);
        return new SensorRow(cols[0], value, cols[2], discrete ? "" : cols[3], discrete, discrete ? cols[3] : "",
                numberOf(cols[4], line), numberOf(cols[5], line), numberOf(cols[6], line),
                numberOf(cols[7], line), numberOf(cols[8], line), numberOf(cols[9], line));
    }

    private static OptionalDouble numberOf(String column, String line) {
        if (NOT_AVAILABLE.equals(column) || column.isEmpty()) {
            return OptionalDouble.empty();
        }
        double number;
        try {
            number = Double.parseDouble(column);
        } catch (NumberFormatException e) {
            throw new IpmitoolParseException("not a number in sensor column", line, e);
        }
        // "NaN", "Infinity" and "1e999" parse, but are no reading: a NaN passes every threshold check as ok
        return Double.isFinite(number) ? OptionalDouble.of(number) : OptionalDouble.empty();
    }
}
