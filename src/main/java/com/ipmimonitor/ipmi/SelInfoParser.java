package com.ipmimonitor.ipmi;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;

/** Parses the text of {@code ipmitool sel info}. */
public final class SelInfoParser {

    // ipmitool prints "11/21/26 20:55:27 UTC"; two-digit years land in 2000-2099
    private static final DateTimeFormatter SEL_TIME = DateTimeFormatter.ofPattern("MM/dd/yy HH:mm:ss");

    private SelInfoParser() {
    }

    public static SelInfo parse(String stdout) {
        Map<String, String> fields = fieldsOf(stdout);
        String entries = fields.get("Entries");
        if (entries == null) {
            throw new IpmitoolParseException("sel info without an Entries line", firstLine(stdout));
        }
        return new SelInfo(
                parseInt(entries, "Entries"),
                epochOf(fields.get("Last Add Time")),
                epochOf(fields.get("Last Del Time")),
                "true".equalsIgnoreCase(fields.getOrDefault("Overflow", "false")),
                percentOf(fields.get("Percent Used")));
    }

    private static Map<String, String> fieldsOf(String stdout) {
        Map<String, String> fields = new HashMap<>();
        for (String line : stdout.split("\\R")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                fields.putIfAbsent(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
            }
        }
        return fields;
    }

    private static long epochOf(String value) {
        // "Not Available" on a never-written or never-cleared SEL
        if (value == null || !value.matches("\\d.*")) {
            return SelInfo.NOT_AVAILABLE;
        }
        String withoutZone = value.replaceFirst("\\s*UTC$", "");
        try {
            return LocalDateTime.parse(withoutZone, SEL_TIME).toEpochSecond(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new IpmitoolParseException("unreadable SEL time", value, e);
        }
    }

    private static int percentOf(String value) {
        // some BMCs print "unknown" when they cannot report the allocation; ten digits and more are no percentage
        // either (and would not fit an int)
        if (value == null || !value.matches("\\d{1,9}%?")) {
            return -1;
        }
        return Integer.parseInt(value.replace("%", ""));
    }

    private static int parseInt(String value, String field) {
        // parseInt alone would take "-1" or "+5": a count is digits only
        if (!value.matches("\\d+")) {
            throw new IpmitoolParseException("non-numeric " + field, value);
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IpmitoolParseException("non-numeric " + field, value, e);
        }
    }

    private static String firstLine(String stdout) {
        return stdout.lines().findFirst().orElse("");
    }
}
