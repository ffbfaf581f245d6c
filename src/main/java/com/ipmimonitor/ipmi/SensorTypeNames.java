package com.ipmimonitor.ipmi;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/** IPMI 2.0 sensor type codes (table 42-3) with the names ipmitool 1.8.19 prints for them. */
public final class SensorTypeNames {

    public static final String OEM_RESERVED = "OEM reserved";
    public static final String UNKNOWN = "Unknown";

    private static final int FIRST_OEM_TYPE = 0xC0;

    // index = sensor type code; 0x00 is reserved in the spec
    private static final List<String> NAMES = List.of(
            UNKNOWN, "Temperature", "Voltage", "Current", "Fan", "Physical Security", "Platform Security",
            "Processor", "Power Supply", "Power Unit", "Cooling Device", "Other", "Memory", "Drive Slot / Bay",
            "POST Memory Resize", "System Firmware Progress", "Event Logging Disabled", "Watchdog1",
            "System Event", "Critical Interrupt", "Button", "Module / Board", "Microcontroller", "Add-in Card",
            "Chassis", "Chip Set", "Other FRU", "Cable / Interconnect", "Terminator", "System Boot Initiated",
            "Boot Error", "OS Boot", "OS Critical Stop", "Slot / Connector", "System ACPI Power State",
            "Watchdog2", "Platform Alert", "Entity Presence", "Monitor ASIC", "LAN",
            "Management Subsystem Health", "Battery", "Session Audit", "Version Change", "FRU State");

    // elist glues type and SDR name together ("Power Supply PS2 Status"); trying the longest name first keeps
    // "Other FRU" from being read as type "Other" with a sensor called "FRU ..."
    private static final List<String> LONGEST_FIRST = Stream
            .concat(NAMES.stream().skip(1), Stream.of(OEM_RESERVED, UNKNOWN))
            .sorted(Comparator.comparingInt(String::length).reversed())
            .toList();

    private SensorTypeNames() {
    }

    public static String nameOf(int sensorType) {
        if (sensorType >= FIRST_OEM_TYPE) {
            return OEM_RESERVED;
        }
        return sensorType > 0 && sensorType < NAMES.size() ? NAMES.get(sensorType) : UNKNOWN;
    }

    /** The code for a standard name; empty for "Unknown", "OEM reserved" or anything else. */
    public static OptionalInt codeOf(String name) {
        return IntStream.range(1, NAMES.size()).filter(i -> NAMES.get(i).equals(name)).findFirst();
    }

    /** The type name the given elist sensor column starts with, if any. */
    public static Optional<String> leadingTypeOf(String sensorColumn) {
        return LONGEST_FIRST.stream()
                .filter(name -> sensorColumn.equals(name) || sensorColumn.startsWith(name + " "))
                .findFirst();
    }
}
