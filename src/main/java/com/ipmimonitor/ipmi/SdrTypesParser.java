package com.ipmimonitor.ipmi;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sensor type of each sensor, from {@code ipmitool -v sdr elist}: plain {@code sdr elist} does not print it,
 * and a discrete sensor's state bits mean something only with it (offset 0 is "Presence detected" on a power
 * supply, "Correctable ECC" on memory). Only two lines of each block are read:
 * <pre>
 * Sensor ID              : PS2 Status (0x41)
 *  Sensor Type (Discrete): Power Supply (0x08)
 * </pre>
 * The verbose layout differs between record types and ipmitool versions, and the types only improve what is
 * shown: anything else is skipped, never an error.
 */
public final class SdrTypesParser {

    private static final Pattern SENSOR_ID = Pattern.compile("^Sensor ID\\s*:.*\\(0x([0-9a-fA-F]{1,2})\\)\\s*$");
    private static final Pattern SENSOR_TYPE = Pattern.compile("^\\s*Sensor Type[^:]*:.*\\(0x([0-9a-fA-F]{1,2})\\)\\s*$");

    private SdrTypesParser() {
    }

    /** Sensor number to sensor type code; the first block of a number wins, as in SdrName. */
    public static Map<Integer, Integer> parse(String stdout) {
        Map<Integer, Integer> types = new HashMap<>();
        Integer number = null;
        for (String line : stdout.split("\\R")) {
            Matcher id = SENSOR_ID.matcher(line);
            if (id.matches()) {
                number = Integer.parseInt(id.group(1), 16);
                continue;
            }
            Matcher type = SENSOR_TYPE.matcher(line);
            if (type.matches() && number != null) {
                types.putIfAbsent(number, Integer.parseInt(type.group(1), 16));
                number = null;
            } else if (line.isBlank()) {
                number = null;
            }
        }
        return types;
    }
}
