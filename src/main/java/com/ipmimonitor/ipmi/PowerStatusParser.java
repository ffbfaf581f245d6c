package com.ipmimonitor.ipmi;

/** Parses {@code power status}: exactly "Chassis Power is on" or "Chassis Power is off". */
public final class PowerStatusParser {

    private static final String PREFIX = "Chassis Power is ";

    private PowerStatusParser() {
    }

    public static PowerState parse(String stdout) {
        String line = stdout.strip();
        return switch (line) {
            case PREFIX + "on" -> PowerState.ON;
            case PREFIX + "off" -> PowerState.OFF;
            default -> throw new IpmitoolParseException("unexpected power status", line);
        };
    }
}
