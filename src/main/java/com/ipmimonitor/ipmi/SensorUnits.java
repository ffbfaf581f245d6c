package com.ipmimonitor.ipmi;

import java.util.List;

/** Sensor unit names (IPMI 2.0 table 43-15) and the unit text ipmitool 1.8.19 prints after a converted reading. */
final class SensorUnits {

    // ipmitool's unit_desc table, index = unit type code
    private static final List<String> NAMES = List.of("unspecified", "degrees C", "degrees F", "degrees K", "Volts",
            "Amps", "Watts", "Joules", "Coulombs", "VA", "Nits", "lumen", "lux", "Candela", "kPa", "PSI", "Newton", "CFM",
            "RPM", "Hz", "microsecond", "millisecond", "second", "minute", "hour", "day", "week", "mil", "inches", "feet",
            "cu in", "cu feet", "mm", "cm", "m", "cu cm", "cu m", "liters", "fluid ounce", "radians", "steradians",
            "revolutions", "cycles", "gravities", "ounce", "pound", "ft-lb", "oz-in", "gauss", "gilberts", "henry",
            "millihenry", "farad", "microfarad", "ohms", "siemens", "mole", "becquerel", "PPM", "reserved", "Decibels",
            "DbA", "DbC", "gray", "sievert", "color temp deg K", "bit", "kilobit", "megabit", "gigabit", "byte",
            "kilobyte", "megabyte", "gigabyte", "word", "dword", "qword", "line", "hit", "miss", "retry", "reset",
            "overflow", "underrun", "collision", "packets", "messages", "characters", "error", "correctable error",
            "uncorrectable error", "fatal error", "grams");

    private static final int DIVIDE = 1;
    private static final int MULTIPLY = 2;

    private SensorUnits() {
    }

    static String name(int code) {
        return code < NAMES.size() ? NAMES.get(code) : "invalid";
    }

    /**
     * As ipmi_sdr_get_unit_string: "% " before the unit when the percentage bit is set, "base/modifier" or
     * "base*modifier" for a modifier unit, and "percent" alone for a percentage of an unspecified unit.
     */
    static String text(boolean percentage, int modifierRelation, int base, int modifier) {
        String pct = percentage ? "% " : "";
        return switch (modifierRelation) {
            case MULTIPLY -> pct + name(base) + "*" + name(modifier);
            case DIVIDE -> pct + name(base) + "/" + name(modifier);
            default -> base == 0 && percentage ? "percent" : pct + name(base);
        };
    }
}
