package com.ipmimonitor.ipmi;

import static com.ipmimonitor.ipmi.Severity.CRITICAL;
import static com.ipmimonitor.ipmi.Severity.INFO;
import static com.ipmimonitor.ipmi.Severity.WARNING;

import java.util.List;
import java.util.Map;

/**
 * Severity of a SEL event from its IPMI codes (sensor type, event type, offset, direction), following the meaning
 * the IPMI 2.0 tables 42-2 and 42-3 give each offset. Text lines are first mapped back to those codes, so a word
 * like "Failure" in a sensor name cannot make an event critical.
 */
public class SeverityClassifier {

    private static final int THRESHOLD = 0x01;
    private static final int LAST_GENERIC = 0x0C;
    private static final int SENSOR_SPECIFIC = 0x6F;

    // index = threshold offset: Lower NC low/high, Lower C, Lower NR, Upper NC, Upper C, Upper NR
    private static final List<Severity> THRESHOLD_OFFSETS = List.of(
            WARNING, WARNING, CRITICAL, CRITICAL, CRITICAL, CRITICAL,
            WARNING, WARNING, CRITICAL, CRITICAL, CRITICAL, CRITICAL);

    // index = offset; offsets not listed are INFO
    private static final Map<Integer, List<Severity>> GENERIC = Map.of(
            0x04, List.of(INFO, WARNING),                                        // Predictive Failure
            0x05, List.of(INFO, WARNING),                                        // Limit Exceeded
            0x06, List.of(INFO, WARNING),                                        // Performance Lags
            0x07, List.of(INFO, WARNING, CRITICAL, CRITICAL, WARNING, CRITICAL, CRITICAL, INFO, INFO),
            0x09, List.of(WARNING, INFO),                                        // Device Disabled
            0x0A, List.of(INFO, INFO, INFO, INFO, WARNING, INFO, WARNING, INFO, WARNING),
            // Redundancy Lost leaves no margin; degraded and "non-redundant but sufficient" still run
            0x0B, List.of(INFO, CRITICAL, WARNING, WARNING, WARNING, CRITICAL, WARNING, WARNING));

    private static final Map<Integer, List<Severity>> SENSOR_SPECIFIC_OFFSETS = Map.ofEntries(
            Map.entry(0x05, List.of(WARNING, WARNING, WARNING, WARNING, WARNING, WARNING, WARNING)),
            Map.entry(0x06, List.of(WARNING, WARNING, WARNING, WARNING, WARNING, WARNING)),
            // Processor: IERR, Thermal Trip, FRB1-3, config error, uncorrectable -> the CPU is down
            Map.entry(0x07, List.of(CRITICAL, CRITICAL, CRITICAL, CRITICAL, CRITICAL, CRITICAL, CRITICAL,
                    INFO, WARNING, INFO, WARNING, CRITICAL, WARNING)),
            Map.entry(0x08, List.of(INFO, CRITICAL, WARNING, CRITICAL, CRITICAL, WARNING, WARNING)),
            // Power Unit: an operator's power off/cycle is routine; 240VA and interlock cut-offs are not
            Map.entry(0x09, List.of(INFO, INFO, WARNING, WARNING, CRITICAL, CRITICAL, CRITICAL, WARNING)),
            Map.entry(0x0C, List.of(WARNING, CRITICAL, CRITICAL, CRITICAL, WARNING, WARNING, INFO, WARNING,
                    WARNING, WARNING, CRITICAL)),
            Map.entry(0x0D, List.of(INFO, CRITICAL, WARNING, INFO, INFO, CRITICAL, CRITICAL, WARNING, WARNING)),
            // System Firmware: POST error, firmware hang, progress
            Map.entry(0x0F, List.of(WARNING, CRITICAL, INFO)),
            Map.entry(0x10, List.of(WARNING, WARNING, INFO, WARNING, WARNING, WARNING)),
            Map.entry(0x11, List.of(WARNING, WARNING, WARNING, WARNING, WARNING, WARNING, WARNING, WARNING)),
            Map.entry(0x12, List.of(INFO, INFO, CRITICAL, INFO, INFO, INFO)),
            Map.entry(0x13, List.of(WARNING, WARNING, WARNING, WARNING, CRITICAL, CRITICAL, WARNING, WARNING,
                    CRITICAL, CRITICAL, CRITICAL, WARNING)),
            Map.entry(0x19, List.of(CRITICAL, CRITICAL)),
            Map.entry(0x1B, List.of(INFO, WARNING)),
            Map.entry(0x1E, List.of(WARNING, WARNING, WARNING, WARNING, WARNING)),
            Map.entry(0x1F, List.of(INFO, INFO, INFO, INFO, INFO, INFO, INFO, INFO, INFO, WARNING, WARNING)),
            // OS Stop: startup error and run-time stop (BSOD/panic) are critical; graceful stops are routine
            Map.entry(0x20, List.of(CRITICAL, CRITICAL, INFO, INFO, INFO, WARNING)),
            Map.entry(0x21, List.of(WARNING)),
            Map.entry(0x23, List.of(WARNING, WARNING, WARNING, WARNING)),
            Map.entry(0x25, List.of(INFO, INFO, WARNING)),
            Map.entry(0x27, List.of(WARNING)),
            Map.entry(0x28, List.of(WARNING, WARNING, WARNING, WARNING, WARNING, WARNING)),
            Map.entry(0x29, List.of(WARNING, CRITICAL, INFO)),
            Map.entry(0x2A, List.of(INFO, INFO, WARNING, WARNING)),
            Map.entry(0x2B, List.of(INFO, INFO, WARNING, WARNING, WARNING, WARNING, INFO, INFO)),
            Map.entry(0x2C, List.of(INFO, INFO, INFO, INFO, INFO, INFO, INFO, WARNING)));

    public Severity classify(int sensorType, int eventTypeCode, int offset, boolean deassertion) {
        if (deassertion) {
            return INFO;
        }
        if (eventTypeCode == THRESHOLD) {
            return at(THRESHOLD_OFFSETS, offset);
        }
        if (eventTypeCode == SENSOR_SPECIFIC) {
            return at(SENSOR_SPECIFIC_OFFSETS.getOrDefault(sensorType, List.of()), offset);
        }
        if (eventTypeCode <= LAST_GENERIC) {
            return at(GENERIC.getOrDefault(eventTypeCode, List.of()), offset);
        }
        return INFO; // OEM event/reading types 0x70-0x7F mean whatever the vendor says
    }

    public Severity classify(SelRecord record) {
        if (record.isOem()) {
            return INFO;
        }
        return classify(record.sensorType(), record.eventTypeCode(), record.offset(), record.deassertion());
    }

    /** Fallback for {@code sel elist} text: the type column and description are mapped back to IPMI codes. */
    public Severity classify(SelLine line) {
        if (line.isOem()) {
            return INFO;
        }
        boolean deasserted = line.asserted().map(asserted -> !asserted).orElse(false);
        return SelEventDescriptions.resolve(line.sensorType(), line.description())
                .map(code -> classify(code, deasserted))
                .orElse(INFO);
    }

    private Severity classify(SelEventCode code, boolean deassertion) {
        return classify(code.sensorType(), code.eventTypeCode(), code.offset(), deassertion);
    }

    private static Severity at(List<Severity> severities, int offset) {
        return offset >= 0 && offset < severities.size() ? severities.get(offset) : INFO;
    }
}
