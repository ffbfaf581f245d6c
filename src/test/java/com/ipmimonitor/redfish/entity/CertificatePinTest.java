package com.ipmimonitor.redfish.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CertificatePinTest {

    @Test
    void fingerprintsShowAsOpensslPrintsThem() {
        assertEquals("5F:1C:0A", CertificatePin.colons("5f1c0a"));
        assertEquals(32 * 3 - 1, CertificatePin.colons("ab".repeat(32)).length());
    }

    @Test
    void onlyAPresentedCertificateIsPending() {
        OffsetDateTime at = OffsetDateTime.parse("2026-12-07T01:00:00Z");
        assertFalse(new CertificatePin("aa", at, Optional.empty(), Optional.empty()).pending());
        assertTrue(new CertificatePin("aa", at, Optional.of("bb"), Optional.of(at)).pending());
    }
}
