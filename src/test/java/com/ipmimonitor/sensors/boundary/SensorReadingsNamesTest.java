package com.ipmimonitor.sensors.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.ipmimonitor.sensors.entity.SdrName;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** A BMC's SDR names are replaced in two statements, whatever their number, and serve the poll as stored. */
class SensorReadingsNamesTest {

    private final List<String> statements = new ArrayList<>();
    private final List<Map<Integer, Object>> parameters = new ArrayList<>();

    private static final List<SdrName> READ = List.of(
            new SdrName(7L, 0x50, "CPU1_ECC1", "32.1", null, 0x0c),
            new SdrName(7L, 0x01, "CPU1 Temp", "3.1", "0a0b", 0x01),
            // a second owner's sensor of the same number: the first name of a number is the one kept
            new SdrName(7L, 0x50, "Other \"ECC\"", "32.2", null, 0x0c),
            new SdrName(7L, 0x10, "FAN1", "29.1", "0c0d", null),
            // a name given twice: the type of the one with the lower number
            new SdrName(7L, 0x02, "CPU1 Temp", "3.2", null, 0x02));

    @Test
    void namesAreOneDeleteAndOneInsertOfArraysInSensorNumberOrderAndNothingPersisted() {
        List<SdrName> stored = readings().replaceNames(7L, READ);

        assertEquals(List.of(0x01, 0x02, 0x10, 0x50), stored.stream().map(SdrName::getSensorNumber).toList());
        assertEquals("CPU1_ECC1", stored.get(3).getSensorName());
        assertEquals(2, statements.size());
        assertEquals("delete from SdrName n where n.serverId = :id", statements.get(0));
        assertEquals(Map.of("id", 7L), Map.copyOf(named));
        assertEquals(1, parameters.size());
        assertEquals(List.of("{\"7\",\"7\",\"7\",\"7\"}", "{\"1\",\"2\",\"16\",\"80\"}",
                "{\"CPU1 Temp\",\"CPU1 Temp\",\"FAN1\",\"CPU1_ECC1\"}", "{\"3.1\",\"3.2\",\"29.1\",\"32.1\"}",
                "{\"0a0b\",NULL,\"0c0d\",NULL}", "{\"1\",\"2\",NULL,\"12\"}"), List.copyOf(parameters.get(0).values()));
        assertEquals(2, executions);
    }

    @Test
    void noNamesNoInsert() {
        assertEquals(List.of(), readings().replaceNames(7L, List.of()));
        assertEquals(1, statements.size());
    }

    @Test
    void theMapsOfStoredNamesAreThoseTheQueriesRead() {
        List<SdrName> stored = SensorReadings.firstOfEachNumber(READ);
        assertEquals(new TreeMap<>(Map.of(0x01, "CPU1 Temp", 0x02, "CPU1 Temp", 0x10, "FAN1", 0x50, "CPU1_ECC1")),
                SensorReadings.names(stored));
        assertEquals(Map.of(0x01, "0a0b", 0x10, "0c0d"), SensorReadings.fullRecords(stored));
        assertEquals(Map.of("CPU1 Temp", 0x01, "CPU1_ECC1", 0x0c), SensorReadings.types(stored));
    }

    private final Map<String, Object> named = new TreeMap<>();
    private int executions;

    /** SensorReadings whose EntityManager records statements; persist (one INSERT per name) fails the test. */
    private SensorReadings readings() {
        SensorReadings readings = new SensorReadings();
        readings.em = (EntityManager) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {EntityManager.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "createQuery", "createNativeQuery" -> {
                        statements.add((String) args[0]);
                        Map<Integer, Object> bound = new TreeMap<>();
                        if (method.getName().equals("createNativeQuery")) {
                            parameters.add(bound);
                        }
                        yield query(bound);
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        return readings;
    }

    private Query query(Map<Integer, Object> bound) {
        return (Query) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Query.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "setParameter" -> {
                        if (args[0] instanceof Integer i) {
                            bound.put(i, args[1]);
                        } else {
                            named.put((String) args[0], args[1]);
                        }
                        yield proxy;
                    }
                    case "executeUpdate" -> {
                        executions++;
                        yield 1;
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
