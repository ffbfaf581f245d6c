package com.ipmimonitor.events.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.ipmimonitor.events.entity.SelEvent;
import com.ipmimonitor.ipmi.Severity;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SelIngestClassifyTest {

    private static final OffsetDateTime AT = OffsetDateTime.of(2026, 12, 7, 2, 0, 0, 0, ZoneOffset.UTC);

    /** Temperature (0x01), threshold event type (0x01), upper critical going high (offset 9): critical for IPMI. */
    private static SelEvent upperCritical() {
        return new SelEvent(1L, 1, 2, AT, 0L, false, "Temperature", 0x01, 0x30, "CPU", 0x01, 9, false, "Upper Critical",
                null, "00", "f", AT);
    }

    @Test
    void anIpmiRecordIsClassifiedFromItsCodes() {
        assertEquals(Severity.CRITICAL, SelIngest.classify(upperCritical()));
    }

    @Test
    void aRecordThatCarriesItsOwnSeverityKeepsIt() {
        SelEvent redfish = upperCritical();
        redfish.classify(Severity.INFO); // a Redfish entry's Severity said OK
        assertEquals(Severity.INFO, SelIngest.classify(redfish));
    }
}
