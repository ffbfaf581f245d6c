package com.ipmimonitor.ipmi;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses {@code sdr elist}: {@code name | 50h | ok | 8.1 | reading}. */
public final class SdrElistParser {

    private static final Pattern SENSOR_NUMBER = Pattern.compile("([0-9a-fA-F]{1,2})h");
    private static final int COLUMNS = 5;

    private SdrElistParser() {
    }

    public static List<SdrEntry> parse(String stdout) {
        List<SdrEntry> entries = new ArrayList<>();
        for (String line : stdout.split("\\R")) {
            if (!line.isBlank()) {
                entries.add(parseLine(line));
            }
        }
        return entries;
    }

    private static SdrEntry parseLine(String line) {
        // limit keeps an empty reading column ("CPU1_ECC1 | 50h | ok | 8.1 | ")
        String[] cols = line.split("\\|", -1);
        if (cols.length != COLUMNS) {
            throw new IpmitoolParseException("sdr elist line without 5 columns", line);
        }
        Matcher number = SENSOR_NUMBER.matcher(cols[1].trim());
        if (!number.matches()) {
            throw new IpmitoolParseException("sensor number is not NNh", line);
        }
        return new SdrEntry(cols[0].trim(), Integer.parseInt(number.group(1), 16), cols[2].trim(),
                cols[3].trim(), cols[4].trim());
    }
}
