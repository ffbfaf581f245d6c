package com.ipmimonitor.ipmi;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses {@code sel elist} and {@code sel list} stdout. The column count varies with the record kind:
 * 6 for discrete events, 7 for threshold events (reading column), 6 for timestamped OEM records
 * ({@code OEM record c1 | mfgid | data}) and 3 for non-timestamped OEM records. Pre-Init records print
 * {@code Pre-Init | 0000006985} (seconds since BMC start) in place of date and time.
 */
public final class SelElistParser {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("MM/dd/yy HH:mm:ss");
    private static final Pattern RECORD_ID = Pattern.compile("[0-9a-fA-F]{1,4}");
    private static final Pattern UNRESOLVED_SENSOR = Pattern.compile("(.*) #0x([0-9a-fA-F]{1,2})");
    private static final String PRE_INIT = "Pre-Init";
    private static final String OEM_PREFIX = "OEM record";
    // Super Micro firmware (IANA 10876) makes ipmitool append a DIMM/slot label in parentheses, empty on most events
    private static final String EMPTY_VENDOR_SUFFIX = "()";

    private SelElistParser() {
    }

    public static List<SelLine> parse(String stdout) {
        List<SelLine> lines = new ArrayList<>();
        for (String line : stdout.split("\\R")) {
            if (!line.isBlank()) {
                lines.add(parseLine(line));
            }
        }
        return lines;
    }

    static SelLine parseLine(String line) {
        String[] cols = Arrays.stream(line.split("\\|", -1)).map(String::trim).toArray(String[]::new);
        int id = recordIdOf(cols[0], line);
        if (cols.length == 3 && cols[1].startsWith(OEM_PREFIX)) {
            return new SelLine(id, Optional.empty(), false, SelLine.OEM_SENSOR_TYPE, "", Optional.empty(),
                    cols[1], Optional.empty(), cols[2], line);
        }
        if (cols.length < 6 || cols.length > 7) {
            throw new IpmitoolParseException("unexpected number of sel elist columns", line);
        }
        boolean preInit = PRE_INIT.equals(cols[1]);
        Optional<LocalDateTime> timestamp = preInit ? Optional.empty() : Optional.of(timestampOf(cols[1], cols[2], line));
        if (cols[3].startsWith(OEM_PREFIX)) {
            return new SelLine(id, timestamp, preInit, SelLine.OEM_SENSOR_TYPE, "", Optional.empty(),
                    cols[3], Optional.empty(), cols[4] + " | " + cols[5], line);
        }
        return eventLine(id, timestamp, preInit, cols, line);
    }

    private static SelLine eventLine(int id, Optional<LocalDateTime> timestamp, boolean preInit, String[] cols,
                                     String line) {
        String sensorColumn = cols[3];
        Optional<Integer> sensorNumber = Optional.empty();
        Matcher unresolved = UNRESOLVED_SENSOR.matcher(sensorColumn);
        if (unresolved.matches()) {
            sensorColumn = unresolved.group(1);
            sensorNumber = Optional.of(Integer.parseInt(unresolved.group(2), 16));
        }
        // a type string ipmitool does not know (vendor tables) stays in the name rather than failing the whole SEL
        String type = SensorTypeNames.leadingTypeOf(sensorColumn).orElse("");
        String name = sensorColumn.substring(type.length()).trim();
        String detail = cols.length == 7 ? cols[6] : "";
        return new SelLine(id, timestamp, preInit, type, name, sensorNumber, descriptionOf(cols[4]),
                assertedOf(cols[5]), detail, line);
    }

    private static String descriptionOf(String column) {
        String description = column.trim();
        if (description.endsWith(EMPTY_VENDOR_SUFFIX)) {
            description = description.substring(0, description.length() - EMPTY_VENDOR_SUFFIX.length()).trim();
        }
        return description;
    }

    private static Optional<Boolean> assertedOf(String column) {
        // compare whole words: "Deasserted" contains "asserted"
        return switch (column) {
            case "Asserted" -> Optional.of(true);
            case "Deasserted" -> Optional.of(false);
            default -> Optional.empty();
        };
    }

    private static int recordIdOf(String column, String line) {
        // ipmitool prints the 16-bit id as up to 4 hex digits; parseInt alone would also take "-1" or "+1a"
        if (!RECORD_ID.matcher(column).matches()) {
            throw new IpmitoolParseException("record id is not hex", line);
        }
        return Integer.parseInt(column, 16);
    }

    private static LocalDateTime timestampOf(String date, String time, String line) {
        try {
            return LocalDateTime.parse(date + " " + time.replaceFirst("\\s*UTC$", ""), DATE_TIME);
        } catch (DateTimeParseException e) {
            throw new IpmitoolParseException("unreadable SEL date/time", line, e);
        }
    }
}
