package com.ipmimonitor.sensors.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.ipmimonitor.sensors.entity.SensorKind;
import com.ipmimonitor.sensors.entity.SensorReading;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.lang.reflect.Proxy;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** A poll's readings go to PostgreSQL as one INSERT with one array per column, each under its own column. */
class SensorReadingsStoreTest {

    private static final OffsetDateTime T0 = OffsetDateTime.of(2026, 11, 24, 12, 0, 0, 0, ZoneOffset.UTC);

    private final List<String> statements = new ArrayList<>();
    private final Map<Integer, Object> parameters = new TreeMap<>();
    private int executions;

    @Test
    void everyColumnGetsItsOwnValuesInListOrder() {
        SensorReading fan = new SensorReading(7L, "FAN1", SensorKind.FAN, 400.0, "RPM", "cr",
                new Double[] {300.0, 500.0, 700.0, 8000.0, 9000.0, 10000.0}, T0);
        SensorReading state = new SensorReading(7L, "PS1 Status", SensorKind.DISCRETE, null, "0x01", null,
                new Double[6], T0, "Presence detected");
        readings().store(List.of(fan, state));

        assertEquals(1, statements.size());
        assertEquals(1, executions);
        Map<String, String> expected = Map.ofEntries(Map.entry("server_id", "{\"7\",\"7\"}"),
                Map.entry("sensor_name", "{\"FAN1\",\"PS1 Status\"}"), Map.entry("kind", "{\"FAN\",\"DISCRETE\"}"),
                Map.entry("value", "{\"400.0\",NULL}"), Map.entry("unit", "{\"RPM\",\"0x01\"}"),
                Map.entry("status", "{\"cr\",NULL}"), Map.entry("lower_nr", "{\"300.0\",NULL}"),
                Map.entry("lower_critical", "{\"500.0\",NULL}"), Map.entry("lower_nc", "{\"700.0\",NULL}"),
                Map.entry("upper_nc", "{\"8000.0\",NULL}"), Map.entry("upper_critical", "{\"9000.0\",NULL}"),
                Map.entry("upper_nr", "{\"10000.0\",NULL}"),
                Map.entry("collected_at", "{\"2026-11-24T12:00Z\",\"2026-11-24T12:00Z\"}"),
                Map.entry("state_text", "{NULL,\"Presence detected\"}"));
        List<String> columns = insertedColumns(statements.get(0));
        assertEquals(expected.keySet(), new java.util.HashSet<>(columns));
        for (int i = 0; i < columns.size(); i++) {
            assertEquals(expected.get(columns.get(i)), parameters.get(i + 1), "parameter " + (i + 1) + " = " + columns.get(i));
        }
    }

    @Test
    void noReadingsNoStatement() {
        readings().store(List.of());
        assertEquals(List.of(), statements);
    }

    private static List<String> insertedColumns(String sql) {
        Matcher m = Pattern.compile("insert into sensor_reading \\(([^)]*)\\)").matcher(sql.replaceAll("\\s+", " "));
        return m.find() ? Arrays.stream(m.group(1).split(",")).map(String::trim).toList() : List.of();
    }

    /** SensorReadings with an EntityManager that records native statements and their parameters. */
    private SensorReadings readings() {
        Query query = (Query) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Query.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "setParameter" -> {
                        parameters.put((Integer) args[0], args[1]);
                        yield proxy;
                    }
                    case "executeUpdate" -> ++executions;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        SensorReadings readings = new SensorReadings();
        readings.em = (EntityManager) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {EntityManager.class}, (proxy, method, args) -> {
                    if (method.getName().equals("createNativeQuery") && args.length == 1) {
                        statements.add((String) args[0]);
                        return query;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        return readings;
    }
}
