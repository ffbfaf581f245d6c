package com.ipmimonitor.ipmi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** An exec batch's output cut at the lines its `echo` markers printed. */
class ExecSectionsTest {

    @Test
    void theMarkerIsAnEchoOfFourWords() {
        // four words: the line clears the argument slot `dcmi power reading` would read a sample time from
        assertEquals(List.of("echo", "ipmi-monitor-section", "dcmi", "follows"),
                List.of(ExecSections.marker("dcmi").split(" ")));
        assertThrows(IllegalArgumentException.class, () -> ExecSections.marker("two words"));
        assertThrows(IllegalArgumentException.class, () -> ExecSections.marker("x#"));
    }

    @Test
    void eachPartIsExactlyWhatWasPrintedBetweenTheMarkers() {
        // ipmitool's echo prints each word followed by a space
        String out = "Chassis Power is on\nSEL Information\n"
                + "ipmi-monitor-section mc-info follows \nDevice ID                 : 32\n"
                + "ipmi-monitor-section dcmi follows \n"
                + "ipmi-monitor-section sdr-dump follows \nDumping Sensor Data Repository to '/w/sdr1.bin'\n";
        assertEquals(Map.of("", "Chassis Power is on\nSEL Information\n", "mc-info", "Device ID                 : 32\n",
                "dcmi", "", "sdr-dump", "Dumping Sensor Data Repository to '/w/sdr1.bin'\n"), ExecSections.split(out));
        assertEquals("Chassis Power is on\nSEL Information\n", ExecSections.head(out));
        assertEquals(Optional.of(""), ExecSections.section(out, "dcmi"));
    }

    @Test
    void withoutMarkersTheWholeOutputIsTheHeadAndNoSectionIsThere() {
        String out = "Chassis Power is on\nSEL Information\nEntries          : 11";
        assertEquals(out, ExecSections.head(out));
        assertEquals(Optional.empty(), ExecSections.section(out, "mc-info"));
        assertEquals("", ExecSections.head(""));
    }

    @Test
    void aSectionCutShortEndsWithTheOutput() {
        String out = "SEL Information\nipmi-monitor-section mc-info follows \nDevice ID : 32";
        assertEquals(Optional.of("Device ID : 32"), ExecSections.section(out, "mc-info"));
        assertEquals(Optional.empty(), ExecSections.section(out, "sdr-dump"));
    }

    @Test
    void onlyAWholeMarkerLineCounts() {
        String out = "x ipmi-monitor-section dcmi follows\nipmi-monitor-section dcmi\nipmi-monitor-section a b follows\n";
        assertEquals(out, ExecSections.head(out));
    }
}
