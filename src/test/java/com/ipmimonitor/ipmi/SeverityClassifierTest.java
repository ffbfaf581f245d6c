package com.ipmimonitor.ipmi;

import static com.ipmimonitor.ipmi.Severity.CRITICAL;
import static com.ipmimonitor.ipmi.Severity.INFO;
import static com.ipmimonitor.ipmi.Severity.WARNING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class SeverityClassifierTest {

    private static final int SENSOR_SPECIFIC = 0x6F;
    private static final int THRESHOLD = 0x01;

    private final SeverityClassifier classifier = new SeverityClassifier();

    private Severity line(String elistLine) {
        return classifier.classify(SelElistParser.parse(elistLine).get(0));
    }

    @TestFactory
    Stream<DynamicTest> realElistCorpus() {
        List<String[]> corpus = Fixtures.ipmitool("severity-corpus.txt").lines()
                .filter(l -> !l.isBlank() && !l.startsWith("#"))
                .map(l -> l.split("\t", 2))
                .toList();
        assertTrue(corpus.size() >= 50, "corpus has " + corpus.size() + " lines");
        return corpus.stream().map(entry -> DynamicTest.dynamicTest(entry[0] + " <- " + entry[1].trim(), () -> {
            SelLine parsed = SelElistParser.parse(entry[1]).get(0);
            assertEquals(Severity.valueOf(entry[0]), classifier.classify(parsed));
        }));
    }

    @Test
    void preInitCorrectableEccIsWarning() {
        assertEquals(WARNING, line("  1f |  Pre-Init  |0000006985| Memory CPU1_ECC1 | Correctable ECC | Asserted"));
    }

    @Test
    void deassertionIsInfoEvenForFailures() {
        assertEquals(INFO, line("   7 | 10/29/26 | 22:47:41 UTC | Power Supply PS2 Status | Failure detected | Deasserted"));
        assertEquals(INFO, classifier.classify(0x08, SENSOR_SPECIFIC, 1, true));
    }

    @Test
    void oemRecordsAreInfo() {
        assertEquals(INFO, line("  12 | OEM record e0 | 101112131415161718191a1b1c"));
        assertEquals(INFO, line("  11 | 11/03/26 | 14:00:50 UTC | OEM record c1 | 002a7c | deadbeef0102"));
        assertEquals(INFO, classifier.classify(SelRecordDecoder.decode(
                HexFormat.of().parseHex("1200e0101112131415161718191a1b1c"))));
    }

    @Test
    void superMicroSuffixDoesNotHideSeverity() {
        assertEquals(CRITICAL, line("  10 | 11/01/26 | 20:48:45 UTC | Processor CPU1 Status | IERR () | Asserted"));
    }

    @Test
    void sensorNameCannotMakeAnEventCritical() {
        // a sensor called "Failure Monitor" reporting presence must not be matched on the word "Failure"
        assertEquals(INFO, line("  40 | 11/03/26 | 06:04:04 UTC | Power Supply Failure Monitor | Presence detected | Asserted"));
    }

    @Test
    void thresholdSeverities() {
        assertEquals(WARNING, classifier.classify(0x04, THRESHOLD, 0, false));
        assertEquals(WARNING, classifier.classify(0x01, THRESHOLD, 7, false));
        assertEquals(CRITICAL, classifier.classify(0x04, THRESHOLD, 2, false));
        assertEquals(CRITICAL, classifier.classify(0x01, THRESHOLD, 9, false));
        assertEquals(CRITICAL, classifier.classify(0x04, THRESHOLD, 4, false));
        assertEquals(CRITICAL, classifier.classify(0x01, THRESHOLD, 11, false));
    }

    @Test
    void memoryOffsets() {
        assertEquals(WARNING, classifier.classify(0x0C, SENSOR_SPECIFIC, 0, false));
        assertEquals(CRITICAL, classifier.classify(0x0C, SENSOR_SPECIFIC, 1, false));
        assertEquals(CRITICAL, classifier.classify(0x0C, SENSOR_SPECIFIC, 2, false));
        assertEquals(CRITICAL, classifier.classify(0x0C, SENSOR_SPECIFIC, 3, false));
        assertEquals(WARNING, classifier.classify(0x0C, SENSOR_SPECIFIC, 5, false));
        assertEquals(INFO, classifier.classify(0x0C, SENSOR_SPECIFIC, 6, false));
        assertEquals(WARNING, classifier.classify(0x0C, SENSOR_SPECIFIC, 9, false));
        assertEquals(CRITICAL, classifier.classify(0x0C, SENSOR_SPECIFIC, 10, false));
    }

    @Test
    void processorAndPowerSupplyOffsets() {
        assertEquals(CRITICAL, classifier.classify(0x07, SENSOR_SPECIFIC, 1, false));
        assertEquals(CRITICAL, classifier.classify(0x07, SENSOR_SPECIFIC, 3, false));
        assertEquals(WARNING, classifier.classify(0x07, SENSOR_SPECIFIC, 10, false));
        assertEquals(CRITICAL, classifier.classify(0x07, SENSOR_SPECIFIC, 11, false));
        assertEquals(WARNING, classifier.classify(0x07, SENSOR_SPECIFIC, 12, false));
        assertEquals(INFO, classifier.classify(0x07, SENSOR_SPECIFIC, 7, false));
        assertEquals(CRITICAL, classifier.classify(0x08, SENSOR_SPECIFIC, 4, false));
        assertEquals(WARNING, classifier.classify(0x08, SENSOR_SPECIFIC, 2, false));
        assertEquals(WARNING, classifier.classify(0x08, SENSOR_SPECIFIC, 5, false));
        assertEquals(INFO, classifier.classify(0x08, SENSOR_SPECIFIC, 0, false));
    }

    @Test
    void powerUnitCriticalInterruptAndDrives() {
        assertEquals(CRITICAL, classifier.classify(0x09, SENSOR_SPECIFIC, 4, false));
        assertEquals(CRITICAL, classifier.classify(0x09, SENSOR_SPECIFIC, 5, false));
        assertEquals(INFO, classifier.classify(0x09, SENSOR_SPECIFIC, 0, false));
        assertEquals(CRITICAL, classifier.classify(0x13, SENSOR_SPECIFIC, 4, false));
        assertEquals(CRITICAL, classifier.classify(0x13, SENSOR_SPECIFIC, 10, false));
        assertEquals(WARNING, classifier.classify(0x13, SENSOR_SPECIFIC, 7, false));
        assertEquals(WARNING, classifier.classify(0x13, SENSOR_SPECIFIC, 11, false));
        assertEquals(WARNING, classifier.classify(0x13, SENSOR_SPECIFIC, 0, false));
        assertEquals(CRITICAL, classifier.classify(0x0D, SENSOR_SPECIFIC, 1, false));
        assertEquals(WARNING, classifier.classify(0x0D, SENSOR_SPECIFIC, 2, false));
    }

    @Test
    void genericDiscreteStates() {
        assertEquals(CRITICAL, classifier.classify(0x08, 0x0B, 1, false)); // Redundancy Lost
        assertEquals(WARNING, classifier.classify(0x08, 0x0B, 2, false));  // Redundancy Degraded
        assertEquals(WARNING, classifier.classify(0x0D, 0x04, 1, false));  // Predictive Failure Asserted
        assertEquals(CRITICAL, classifier.classify(0x01, 0x07, 2, false)); // Transition to Critical
        assertEquals(WARNING, classifier.classify(0x01, 0x07, 1, false));  // Transition to Non-critical from OK
        assertEquals(INFO, classifier.classify(0x01, 0x07, 0, false));     // Transition to OK
        assertEquals(INFO, classifier.classify(0x01, 0x75, 1, false));     // OEM event type
    }

    @Test
    void otherSensorSpecificRules() {
        assertEquals(WARNING, classifier.classify(0x05, SENSOR_SPECIFIC, 0, false)); // chassis intrusion
        assertEquals(WARNING, classifier.classify(0x10, SENSOR_SPECIFIC, 4, false)); // Log full
        assertEquals(INFO, classifier.classify(0x10, SENSOR_SPECIFIC, 2, false));    // Log area reset/cleared
        assertEquals(CRITICAL, classifier.classify(0x20, SENSOR_SPECIFIC, 1, false)); // Run-time critical stop
        assertEquals(WARNING, classifier.classify(0x23, SENSOR_SPECIFIC, 1, false)); // watchdog hard reset
        assertEquals(WARNING, classifier.classify(0x1E, SENSOR_SPECIFIC, 0, false)); // no bootable media
        assertEquals(INFO, classifier.classify(0x22, SENSOR_SPECIFIC, 0, false));    // ACPI S0
    }

    @Test
    void textFallbackForGenericAndRareEvents() {
        assertEquals(CRITICAL, line("  41 | 11/03/26 | 06:04:04 UTC | Power Supply PS Redundancy | Redundancy Lost | Asserted"));
        assertEquals(WARNING, line("  42 | 11/03/26 | 06:04:04 UTC | Power Supply PS Redundancy | Redundancy Degraded | Asserted"));
        assertEquals(CRITICAL, line("  43 | 11/03/26 | 06:04:04 UTC | Critical Interrupt PCIe Slot2 | Bus Fatal Error | Asserted"));
        assertEquals(WARNING, line("  44 | 11/03/26 | 06:04:04 UTC | Event Logging Disabled SEL | Log full | Asserted"));
        assertEquals(CRITICAL, line("  45 | 11/03/26 | 06:04:04 UTC | OS Critical Stop OS Status | Run-time critical stop | Asserted"));
        assertEquals(WARNING, line("  46 | 11/03/26 | 06:04:04 UTC | Drive Slot / Bay Disk 3 | Predictive Failure | Asserted"));
        assertEquals(CRITICAL, line("  47 | 11/03/26 | 06:04:04 UTC | Drive Slot / Bay Disk 3 | Drive Fault | Asserted"));
        assertEquals(INFO, line("  48 | 11/03/26 | 06:04:04 UTC | Button Power Button | Power Button pressed | Asserted"));
    }
}
