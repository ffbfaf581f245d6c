package com.ipmimonitor.collection.control;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ipmimonitor.ipmi.Fixtures;
import com.ipmimonitor.ipmi.GetSelEntryResponseParser;
import com.ipmimonitor.ipmi.SdrDumpParser;
import com.ipmimonitor.ipmi.SdrElistParser;
import com.ipmimonitor.ipmi.SdrEntry;
import com.ipmimonitor.ipmi.SelEntryResponse;
import com.ipmimonitor.ipmi.SelRecord;
import com.ipmimonitor.ipmi.SelRecordDecoder;
import com.ipmimonitor.ipmi.SensorConversion;
import com.ipmimonitor.events.entity.SelEvent;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Differential decode against captured output of one ipmi_sim (ipmi_sim/event_text/README.md): the raw records
 * of Get SEL Entry, decoded and mapped as a poll stores them (names from sdr elist, conversion factors from sdr
 * dump), against ipmitool's own `sel elist` of the same SEL, column by column. The SEL holds threshold events
 * (temperatures, voltages with fractions, fans; every combination of event data 2/3 present), sensor-specific and
 * generic discrete events, timestamped and non-timestamped OEM records and a Linux kernel panic record.
 */
class DecodedEventsMatchElistTest {

    private static final String DIR = "ipmi_sim/event_text/";
    private static final OffsetDateTime COLLECTED = OffsetDateTime.of(2026, 12, 6, 20, 0, 0, 0, ZoneOffset.UTC);

    private final List<SelRecord> records = GetSelEntryResponseParser.parse(Fixtures.ipmitool(DIR + "exec_get_sel_entry.txt"))
            .stream().map(SelEntryResponse::record).map(SelRecordDecoder::decode).toList();
    private final List<SensorConversion> conversions = SdrDumpParser.conversions(
            HexFormat.of().parseHex(Fixtures.ipmitool(DIR + "sdr_dump.hex").replaceAll("\\s", "")));
    private final Map<Integer, String> names = SdrElistParser.parse(Fixtures.ipmitool(DIR + "sdr_elist.txt")).stream()
            .collect(Collectors.toMap(SdrEntry::sensorNumber, SdrEntry::name, (a, b) -> a));
    private final Map<String, ElistColumns> elist = Fixtures.ipmitool(DIR + "sel_elist.txt").lines()
            .map(ElistColumns::parse).collect(Collectors.toMap(ElistColumns::id, Function.identity()));

    private List<SelEvent> stored() {
        Map<Integer, SensorConversion> byNumber = SelEventMapping.conversions(conversions.stream()
                .collect(Collectors.toMap(SensorConversion::sensorNumber, SensorConversion::rawHex, (a, b) -> a)));
        return SelEventMapping.toEvents(7L, records, names, byNumber, Optional.empty(), COLLECTED);
    }

    @Test
    void everyRecordOfTheElistWasDecoded() {
        assertEquals(elist.keySet(), stored().stream().map(e -> Integer.toHexString(e.getRecordId())).collect(Collectors.toSet()));
        assertEquals(0x25, records.size());
    }

    @Test
    void everyColumnMatchesIpmitool() {
        assertAll(stored().stream().map(e -> () -> {
            ElistColumns ipmitool = elist.get(Integer.toHexString(e.getRecordId()));
            ElistColumns monitor = ElistColumns.of(e);
            String where = "record " + ipmitool.id();
            assertEquals(ipmitool.date(), monitor.date(), where + " date");
            assertEquals(ipmitool.time(), monitor.time(), where + " time");
            assertEquals(ipmitool.description(), monitor.description(), where + " description");
            assertEquals(ipmitool.direction(), monitor.direction(), where + " direction");
            assertEquals(ipmitool.detail(), monitor.detail(), where + " detail");
            if (ipmitool.sensorUnresolved()) {
                // ipmitool found no SDR record for the event's generator + number + type (0x1c: generator 0x41,
                // 0x1d: type Voltage on a temperature sensor, 0x24/0x25: sensor 0): the monitor names sensors by
                // number alone, so only the type is compared
                assertTrue(monitor.sensor().startsWith(ipmitool.sensorType().orElseThrow()), where + " sensor type");
            } else {
                assertEquals(ipmitool.sensor(), monitor.sensor(), where + " sensor");
            }
        }));
    }

    @Test
    void thresholdEventsCarryTheReadingOfEveryKindOfSensor() {
        Map<Integer, String> detail = stored().stream().filter(e -> e.findDetail().isPresent())
                .collect(Collectors.toMap(SelEvent::getRecordId, e -> e.findDetail().get()));
        assertEquals("Reading 400 < Threshold 500 RPM", detail.get(0x08));
        assertEquals("Reading 91 > Threshold 90 degrees C", detail.get(0x0b));
        assertEquals("Reading 10.68 < Threshold 10.80 Volts", detail.get(0x0d));
        assertEquals("Reading 11.10 > Threshold 10.80 Volts", detail.get(0x19));
        assertEquals("Reading 10.68", detail.get(0x17), "no threshold in event data 3");
        assertEquals("Reading 0 < Threshold 10.80 Volts", detail.get(0x16), "no reading in event data 2");
    }

    @Test
    void recordsWithoutTimestampHaveNoTimeAndSitAfterTheRecordBeforeThem() {
        List<SelEvent> events = stored();
        SelEvent e0 = events.stream().filter(e -> e.getRecordId() == 0x12).findFirst().orElseThrow();
        SelEvent before = events.stream().filter(e -> e.getRecordId() == 0x11).findFirst().orElseThrow();
        assertEquals(Optional.empty(), e0.findEventTime());
        assertEquals(before.findEventTime(), e0.findSortTime());
        assertEquals(Optional.empty(), e0.findDirection());
        assertEquals("OEM record e0 | 101112131415161718191a1b1c", e0.getSummary());
    }
}
