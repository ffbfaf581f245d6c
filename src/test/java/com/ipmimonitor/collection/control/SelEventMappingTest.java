package com.ipmimonitor.collection.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ipmimonitor.ipmi.SelRecord;
import com.ipmimonitor.ipmi.SelRecordDecoder;
import com.ipmimonitor.events.entity.SelEvent;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SelEventMappingTest {

    // record 2, 2026-10-31T00:38:43Z, generator 0x20, Memory sensor 0x50, sensor-specific, offset 0 = Correctable ECC
    private static final String ECC = "02 00 02 93 38 e5 6a 20 00 04 0c 50 6f a0 00 01";
    private static final Map<Integer, String> NAMES = Map.of(0x50, "CPU1_ECC1", 0x51, "CPU1_ECC2");
    private static final OffsetDateTime COLLECTED = OffsetDateTime.of(2026, 11, 1, 8, 0, 0, 0, ZoneOffset.UTC);

    private static SelRecord decode(String hex) {
        return SelRecordDecoder.decode(HexFormat.of().parseHex(hex.replace(" ", "")));
    }

    private static SelRecord with(SelRecord r, int recordId, long timestamp, String rawHex) {
        return new SelRecord(recordId, r.recordType(), timestamp, r.preInit(), r.generatorId(), r.sensorType(),
                r.sensorNumber(), r.eventTypeCode(), r.deassertion(), r.offset(), r.data1(), r.data2(), r.data3(),
                r.sensorTypeName(), r.description(), rawHex);
    }

    @Test
    void fingerprintIsStableForTheSameRecordReadTwice() {
        String first = SelEventMapping.fingerprint(decode(ECC));
        String second = SelEventMapping.fingerprint(decode(ECC));

        assertEquals(first, second);
        assertTrue(first.matches("[0-9a-f]{40}"), first);
    }

    @Test
    void fingerprintDiffersWhenRecordIdTimestampOrRawBytesDiffer() {
        SelRecord r = decode(ECC);
        String base = SelEventMapping.fingerprint(r);

        assertNotEquals(base, SelEventMapping.fingerprint(with(r, 3, r.timestamp(), r.rawHex())));
        assertNotEquals(base, SelEventMapping.fingerprint(with(r, r.recordId(), r.timestamp() + 1, r.rawHex())));
        assertNotEquals(base, SelEventMapping.fingerprint(with(r, r.recordId(), r.timestamp(), r.rawHex().substring(0, 30) + "02")));
        // the same differences read from real bytes: a reused id with other content, a later time, other data
        assertNotEquals(base, SelEventMapping.fingerprint(decode("03 00 02 93 38 e5 6a 20 00 04 0c 50 6f a0 00 01")));
        assertNotEquals(base, SelEventMapping.fingerprint(decode("02 00 02 94 38 e5 6a 20 00 04 0c 50 6f a0 00 01")));
        assertNotEquals(base, SelEventMapping.fingerprint(decode("02 00 02 93 38 e5 6a 20 00 04 0c 50 6f a0 00 02")));
    }

    @Test
    void systemEventRecordMapsSensorNameTimeAndCodes() {
        SelRecord r = decode(ECC);

        SelEvent e = SelEventMapping.toEvent(7L, r, NAMES, COLLECTED);

        assertEquals(7L, e.getServerId());
        assertEquals(2, e.getRecordId());
        assertEquals(0x02, e.getRecordTypeCode());
        assertEquals(Optional.of(OffsetDateTime.of(2026, 10, 31, 0, 38, 43, 0, ZoneOffset.UTC)), e.findEventTime());
        assertEquals(ZoneOffset.UTC, e.findEventTime().orElseThrow().getOffset());
        assertEquals(Optional.of(1_793_407_123L), e.findBmcTimestamp());
        assertFalse(e.isPreInit());
        assertEquals("Memory", e.getSensorType());
        assertEquals(Optional.of(0x0c), e.findSensorTypeCode());
        assertEquals(Optional.of(0x50), e.findSensorNumber());
        assertEquals(Optional.of("CPU1_ECC1"), e.findSensorName());
        assertEquals(Optional.of(0x6f), e.findEventTypeCode());
        assertEquals(Optional.of(0), e.findEventOffset());
        assertFalse(e.isDeassertion());
        assertEquals("Correctable ECC", e.getDescription());
        assertEquals(Optional.empty(), e.findDetail());
        assertEquals("0200029338e56a2000040c506fa00001", e.getRawHex());
        assertEquals(SelEventMapping.fingerprint(r), e.getFingerprint());
        assertEquals(COLLECTED, e.getCollectedAt());
        assertEquals("Correctable ECC | Asserted [CPU1_ECC1]", e.getSummary());
    }

    @Test
    void sensorWithoutSdrNameHasNoSensorName() {
        SelEvent e = SelEventMapping.toEvent(7L, decode(ECC), Map.of(), COLLECTED);

        assertEquals(Optional.empty(), e.findSensorName());
        assertEquals(Optional.of(0x50), e.findSensorNumber());
        assertEquals("Correctable ECC | Asserted", e.getSummary());
    }

    @Test
    void preInitRecordKeepsItsBmcTimestampButGetsNoEventTime() {
        // timestamp 0x00000010: 16 s after BMC init, not an epoch time
        SelRecord r = decode("04 00 02 10 00 00 00 20 00 04 0c 51 6f a0 00 01");

        SelEvent e = SelEventMapping.toEvent(7L, r, NAMES, COLLECTED);

        assertTrue(e.isPreInit());
        assertEquals(Optional.empty(), e.findEventTime());
        assertEquals(Optional.of(16L), e.findBmcTimestamp());
        assertEquals(Optional.of("CPU1_ECC2"), e.findSensorName());
    }

    @Test
    void nonTimestampedOemRecordCarriesNoSensorFieldsNorTime() {
        SelRecord r = decode("05 00 e0 01 02 03 04 05 06 07 08 09 0a 0b 0c 0d");

        SelEvent e = SelEventMapping.toEvent(7L, r, NAMES, COLLECTED);

        assertEquals(0xe0, e.getRecordTypeCode());
        assertEquals(Optional.empty(), e.findSensorTypeCode());
        assertEquals(Optional.empty(), e.findSensorNumber());
        assertEquals(Optional.empty(), e.findSensorName());
        assertEquals(Optional.empty(), e.findEventTypeCode());
        assertEquals(Optional.empty(), e.findEventOffset());
        assertEquals(Optional.empty(), e.findEventTime());
        assertEquals(Optional.empty(), e.findBmcTimestamp());
        assertFalse(e.isPreInit());
        assertFalse(e.isDeassertion());
        assertEquals("OEM reserved", e.getSensorType());
        assertEquals("OEM record e0", e.getDescription());
        // as ipmitool prints it: the 13 OEM bytes; no direction
        assertEquals(Optional.of("0102030405060708090a0b0c0d"), e.findDetail());
        assertEquals(Optional.empty(), e.findDirection());
    }

    @Test
    void timestampedOemRecordHasAnEventTimeButNoSensorTypeCode() {
        // type c1: timestamp, manufacturer id 0x002a7c, 6 OEM bytes
        SelRecord r = decode("06 00 c1 93 38 e5 6a 7c 2a 00 aa bb cc dd ee ff");

        SelEvent e = SelEventMapping.toEvent(7L, r, Map.of(0, "must not be used"), COLLECTED);

        assertEquals(Optional.empty(), e.findSensorTypeCode());
        assertEquals(Optional.empty(), e.findSensorName());
        assertEquals(Optional.of(OffsetDateTime.of(2026, 10, 31, 0, 38, 43, 0, ZoneOffset.UTC)), e.findEventTime());
        // as ipmitool prints it: manufacturer id (most significant byte first) | the 6 OEM bytes
        assertEquals(Optional.of("002a7c | aabbccddeeff"), e.findDetail());
        assertEquals("OEM record c1 | 002a7c | aabbccddeeff", e.getSummary());
    }

    // ECC at 2026-10-31T00:38:43Z (record 2), an e0 record (3), ECC a day later (4)
    private static final String E0 = "03 00 e0 10 11 12 13 14 15 16 17 18 19 1a 1b 1c";
    private static final String ECC_LATER = "04 00 02 13 8a e6 6a 20 00 04 0c 50 6f a0 00 01";

    private static java.util.List<SelEvent> read(Optional<OffsetDateTime> before, String... hex) {
        return SelEventMapping.toEvents(7L, java.util.Arrays.stream(hex).map(SelEventMappingTest::decode).toList(),
                NAMES, Map.of(), before, COLLECTED);
    }

    @Test
    void aRecordWithoutTimestampSitsAtTheTimeOfTheRecordBeforeItAndShowsNoTime() {
        java.util.List<SelEvent> events = read(Optional.empty(), ECC, E0, ECC_LATER);

        assertEquals(events.get(0).findEventTime(), events.get(1).findSortTime());
        assertEquals(Optional.empty(), events.get(1).findEventTime());
        assertFalse(events.get(1).isTimestamped());
        assertTrue(events.get(2).findSortTime().get().isAfter(events.get(1).findSortTime().get()));
    }

    @Test
    void firstOfAReadItSitsAfterWhatWasStoredBeforeOrElseBeforeTheNextTimedRecord() {
        OffsetDateTime stored = OffsetDateTime.of(2026, 10, 30, 12, 0, 0, 0, ZoneOffset.UTC);
        assertEquals(Optional.of(stored), read(Optional.of(stored), E0, ECC).get(0).findSortTime());
        assertEquals(read(Optional.empty(), ECC).get(0).findEventTime(), read(Optional.empty(), E0, ECC).get(0).findSortTime());
        // a SEL of untimed records only: before every timed event, never at the collection time
        assertEquals(Optional.of(SelEventMapping.NO_TIME_KNOWN), read(Optional.empty(), E0).get(0).findSortTime());
    }

    @Test
    void aThresholdEventGetsItsReadingOnlyFromTheFullSensorRecordOfItsGeneratorNumberAndType() {
        // FAN2 (0x11) Lower Critical going low, reading 4, threshold 5; M = 100 RPM
        var fan2 = com.ipmimonitor.ipmi.SensorConversion.fromRecord(com.ipmimonitor.ipmi.FullSensorRecords.fan2())
                .orElseThrow();
        SelRecord lc = decode("08 00 02 14 f7 dd 6a 20 00 04 04 11 01 52 04 05");
        SelRecord fromSoftware = decode("08 00 02 14 f7 dd 6a 41 00 04 04 11 01 52 04 05");

        SelEvent e = SelEventMapping.toEvents(7L, java.util.List.of(lc, fromSoftware), NAMES, Map.of(0x11, fan2),
                Optional.empty(), COLLECTED).get(0);
        SelEvent software = SelEventMapping.toEvents(7L, java.util.List.of(fromSoftware), NAMES, Map.of(0x11, fan2),
                Optional.empty(), COLLECTED).get(0);

        assertEquals(Optional.of("Reading 400 < Threshold 500 RPM"), e.findDetail());
        assertEquals(Optional.of("Asserted"), e.findDirection());
        assertEquals(Optional.empty(), software.findDetail(), "ipmitool finds no SDR for generator 0x41");
        assertEquals(Optional.empty(), SelEventMapping.toEvent(7L, lc, NAMES, COLLECTED).findDetail(), "no SDR read yet");
    }

    @org.junit.jupiter.api.Test
    void discreteStatesAreStoredInWordsWhereTheSensorTypeIsKnown() {
        var rows = com.ipmimonitor.ipmi.SensorListParser.parse(
                com.ipmimonitor.ipmi.Fixtures.ipmitool("ipmi_sim/sensor_abnormal.txt"));
        var at = java.time.OffsetDateTime.parse("2026-11-24T12:00:00Z");
        var readings = SelEventMapping.readings(7L, rows, java.util.Map.of("PS2 Status", 0x08, "CPU1_ECC2", 0x0c), at);
        var byName = readings.stream().collect(java.util.stream.Collectors.toMap(
                com.ipmimonitor.sensors.entity.SensorReading::getSensorName, r -> r));
        org.junit.jupiter.api.Assertions.assertEquals("Presence detected, Failure detected", byName.get("PS2 Status").getStateText());
        org.junit.jupiter.api.Assertions.assertEquals("0x0300", byName.get("PS2 Status").getUnit(), "the raw word is kept");
        org.junit.jupiter.api.Assertions.assertEquals("", byName.get("CPU1_ECC2").getStateText(), "nothing asserted");
        org.junit.jupiter.api.Assertions.assertNull(byName.get("PS1 Status").getStateText(), "type unknown: not guessed");
        org.junit.jupiter.api.Assertions.assertNull(byName.get("FAN1").getStateText(), "threshold sensors have no states");
    }
}
