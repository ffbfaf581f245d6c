package com.ipmimonitor.collection.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.ipmimonitor.collection.control.PollResult;
import com.ipmimonitor.collection.entity.CollectionRun;
import com.ipmimonitor.collection.entity.ServerStatus;
import com.ipmimonitor.events.boundary.SelIngest;
import com.ipmimonitor.events.entity.SelEvent;
import com.ipmimonitor.ipmi.PowerState;
import com.ipmimonitor.ipmi.SdrEntry;
import com.ipmimonitor.ipmi.SelInfo;
import com.ipmimonitor.ipmi.SelRecordDecoder;
import com.ipmimonitor.ipmi.FullSensorRecords;
import com.ipmimonitor.ipmi.SensorConversion;
import com.ipmimonitor.ipmi.SensorRow;
import com.ipmimonitor.sensors.boundary.SensorReadings;
import com.ipmimonitor.sensors.entity.SdrName;
import com.ipmimonitor.sensors.entity.SensorReading;
import jakarta.persistence.EntityManager;
import java.lang.reflect.Proxy;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * A poll that read the SDR's names (a first poll, the daily refresh) names its events, details its threshold events
 * and words its discrete sensors with the names it stores, without reading them back from sdr_name.
 */
class PollRecorderTest {

    private static final OffsetDateTime STARTED = OffsetDateTime.of(2026, 12, 7, 8, 0, 0, 0, ZoneOffset.UTC);
    // Memory sensor 0x50, Correctable ECC; FAN2 (0x11) Lower Critical going low, reading 4, threshold 5
    private static final String ECC = "02 00 02 93 38 e5 6a 20 00 04 0c 50 6f a0 00 01";
    private static final String FAN_LOW = "08 00 02 14 f7 dd 6a 20 00 04 04 11 01 52 04 05";

    private final List<SelEvent> stored = new ArrayList<>();
    private final List<SensorReading> readings = new ArrayList<>();
    private final List<Object> persisted = new ArrayList<>();

    @Test
    void aPollThatReadTheNamesUsesThemAsStored() {
        SensorConversion fan2 = SensorConversion.fromRecord(FullSensorRecords.fan2()).orElseThrow();
        List<SdrEntry> names = List.of(
                new SdrEntry("CPU1_ECC1", 0x50, "ok", "32.1", "0x00", OptionalInt.of(0x0c)),
                new SdrEntry("FAN2", 0x11, "ok", "29.2", "400 RPM", OptionalInt.of(0x04)),
                new SdrEntry("PS1 Status", 0x40, "ok", "10.1", "0x01", OptionalInt.of(0x08)));
        SensorRow ps1 = new SensorRow("PS1 Status", OptionalDouble.empty(), "", "ok", true, "0x0100",
                OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(),
                OptionalDouble.empty(), OptionalDouble.empty());
        PollResult first = new PollResult(PowerState.ON, new SelInfo(2, 1, 1, false, 1),
                List.of(decode(ECC), decode(FAN_LOW)), Optional.of(8), Optional.of("sig"), Optional.of(names),
                List.of(fan2), List.of(ps1), Optional.empty(), Optional.of(false), Optional.of("1.0"), 3,
                Optional.empty());

        assertEquals(2, recorder().recordSuccess(7L, first, STARTED, 100));

        assertEquals(List.of(Optional.of("CPU1_ECC1"), Optional.of("FAN2")),
                stored.stream().map(SelEvent::findSensorName).toList());
        assertEquals(Optional.of("Reading 400 < Threshold 500 RPM"), stored.get(1).findDetail());
        assertEquals("Presence detected", readings.get(0).getStateText());
        assertEquals(1, persisted.stream().filter(CollectionRun.class::isInstance).count());
    }

    private static com.ipmimonitor.ipmi.SelRecord decode(String hex) {
        return SelRecordDecoder.decode(HexFormat.of().parseHex(hex.replace(" ", "")));
    }

    private PollRecorder recorder() {
        PollRecorder recorder = new PollRecorder();
        recorder.em = (EntityManager) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {EntityManager.class}, (proxy, method, args) -> {
                    if (method.getName().equals("persist")) {
                        return persisted.add(args[0]) ? null : null;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        recorder.statuses = new ServerStatuses() {
            @Override
            public ServerStatus statusOf(long serverId) {
                return new ServerStatus(serverId);
            }
        };
        recorder.events = new SelIngest() {
            @Override
            public int store(List<SelEvent> events) {
                stored.addAll(events);
                return events.size();
            }

            @Override
            public Optional<OffsetDateTime> latestSortTime(long serverId) {
                return Optional.empty();
            }
        };
        recorder.sensors = new SensorReadings() {
            @Override
            public List<SdrName> replaceNames(long serverId, List<SdrName> names) {
                return names; // as stored: one name per number here
            }

            @Override
            public Map<Integer, String> namesOf(long serverId) {
                throw new AssertionError("names read back from sdr_name");
            }

            @Override
            public Map<Integer, String> fullRecordsOf(long serverId) {
                throw new AssertionError("full records read back from sdr_name");
            }

            @Override
            public Map<String, Integer> typesOf(long serverId) {
                throw new AssertionError("sensor types read back from sdr_name");
            }

            @Override
            public void store(List<SensorReading> polled) {
                readings.addAll(polled);
            }
        };
        recorder.config = new CollectionConfig();
        return recorder;
    }
}
