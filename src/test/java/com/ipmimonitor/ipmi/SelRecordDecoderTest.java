package com.ipmimonitor.ipmi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SelRecordDecoderTest {

    private static SelRecord decode(String hex) {
        return SelRecordDecoder.decode(HexFormat.of().parseHex(hex.replace(" ", "")));
    }

    @Test
    void logAreaResetRecordFromLiveSim() {
        SelRecord r = decode("01 00 02 55 b3 dd 6a 20 00 04 10 60 6f 02 ff ff");

        assertEquals(1, r.recordId());
        assertEquals(SelRecord.SYSTEM_EVENT, r.recordType());
        assertEquals(Instant.parse("2026-10-25T07:44:21Z").getEpochSecond(), r.timestamp());
        assertFalse(r.preInit());
        assertEquals(0x20, r.generatorId());
        assertEquals(0x10, r.sensorType());
        assertEquals(0x60, r.sensorNumber());
        assertEquals(0x6F, r.eventTypeCode());
        assertEquals(2, r.offset());
        assertEquals("Event Logging Disabled", r.sensorTypeName());
        assertEquals("Log area reset/cleared", r.description());
        assertEquals("01000255b3dd6a20000410606f02ffff", r.rawHex());
    }

    @Test
    void thresholdRecordExposesTriggerReadingAndThreshold() {
        SelRecord r = decode("08 00 02 14 f7 dd 6a 20 00 04 04 11 01 52 04 05");

        assertEquals("Fan", r.sensorTypeName());
        assertEquals(0x11, r.sensorNumber());
        assertEquals(0x01, r.eventTypeCode());
        assertEquals("Lower Critical going low", r.description());
        assertEquals(Optional.of(0x04), r.triggerReading());
        assertEquals(Optional.of(0x05), r.triggerThreshold());
    }

    @Test
    void deassertionIsBitSevenOfEventType() {
        SelRecord r = decode("07 00 02 1b f2 dd 6a 20 00 04 08 41 ef 01 ff ff");

        assertTrue(r.deassertion());
        assertEquals(0x6F, r.eventTypeCode());
        assertEquals("Power Supply", r.sensorTypeName());
        assertEquals("Failure detected", r.description());
    }

    @Test
    void discreteEventHasNoTriggerValues() {
        SelRecord r = decode("02 00 02 52 b5 dd 6a 20 00 04 0c 50 6f a0 00 01");

        assertEquals("Correctable ECC", r.description());
        assertEquals(0xA0, r.data1());
        assertEquals(0x01, r.data3());
        assertEquals(Optional.empty(), r.triggerReading());
    }

    @Test
    void timestampedOemRecord() {
        SelRecord r = decode("11 00 c1 43 49 de 6a 7c 2a 00 de ad be ef 01 02");

        assertTrue(r.isOem());
        assertEquals(0xC1, r.recordType());
        assertEquals(Instant.parse("2026-10-25T18:24:03Z").getEpochSecond(), r.timestamp());
        assertEquals("OEM record c1", r.description());
        assertEquals("OEM reserved", r.sensorTypeName());
        assertEquals(Optional.of("002a7c | deadbeef0102"), r.oemDetail());
    }

    @Test
    void nonTimestampedOemRecordHasNoTime() {
        SelRecord r = decode("12 00 e0 10 11 12 13 14 15 16 17 18 19 1a 1b 1c");

        assertEquals(-1, r.timestamp());
        assertFalse(r.preInit());
        assertEquals("OEM record e0", r.description());
        assertEquals(Optional.of("101112131415161718191a1b1c"), r.oemDetail());
    }

    @Test
    void smallTimestampIsPreInit() {
        // 6985 s after BMC start, as ipmi_sim stamps events before "sel time set"
        SelRecord r = decode("1f 00 02 49 1b 00 00 20 00 04 0c 50 6f a0 00 01");

        assertTrue(r.preInit());
        assertEquals(6985, r.timestamp());
        assertEquals("Correctable ECC", r.description());
    }

    @Test
    void dataSpecificTextNeedsData2() {
        SelRecord vendorMismatch = decode("20 00 02 00 00 00 6b 20 00 04 08 41 6f 46 00 ff");
        SelRecord plainConfigError = decode("21 00 02 00 00 00 6b 20 00 04 08 41 6f 06 00 ff");

        assertEquals("Config Error: Vendor Mismatch", vendorMismatch.description());
        assertEquals("Config Error", plainConfigError.description());
    }

    @Test
    void genericDiscreteAndUnknownOffsets() {
        assertEquals("Redundancy Lost", decode("22 00 02 00 00 00 6b 20 00 04 08 42 0b 01 ff ff").description());
        assertEquals("Unknown event offset 0x0e", decode("23 00 02 00 00 00 6b 20 00 04 0c 50 6f 0e ff ff")
                .description());
        assertEquals("Unknown", decode("24 00 02 00 00 00 6b 20 00 04 7f 50 6f 00 ff ff").sensorTypeName());
    }

    @Test
    void criticalInterruptAndOsStopTexts() {
        assertEquals("PCI SERR", decode("25 00 02 00 00 00 6b 20 00 04 13 90 6f 05 ff ff").description());
        assertEquals("Run-time critical stop", decode("26 00 02 00 00 00 6b 20 00 04 20 91 6f 01 ff ff")
                .description());
        assertEquals("OS Critical Stop", decode("26 00 02 00 00 00 6b 20 00 04 20 91 6f 01 ff ff")
                .sensorTypeName());
    }

    @Test
    void wrongLengthIsRejected() {
        assertThrows(IpmitoolParseException.class, () -> SelRecordDecoder.decode(new byte[14]));
    }
}
