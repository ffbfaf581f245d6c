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
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** A poll's readings go to PostgreSQL as one call of sensor_poll_store with one array per column. */
class SensorReadingsStoreTest {

    private static final OffsetDateTime T0 = OffsetDateTime.of(2026, 11, 24, 12, 0, 0, 0, ZoneOffset.UTC);

    private final List<String> statements = new ArrayList<>();
    private final Map<Integer, Object> parameters = new TreeMap<>();
    private int executions;

    @Test
    void aPollIsOneCallWithOneArrayPerColumnInListOrder() {
        SensorReading fan = new SensorReading(7L, "FAN1", SensorKind.FAN, 400.0, "RPM", "cr",
                new Double[] {300.0, 500.0, 700.0, 8000.0, 9000.0, 10000.0}, T0);
        SensorReading state = new SensorReading(7L, "PS1 Status", SensorKind.DISCRETE, null, "0x01", null,
                new Double[6], T0, "Presence detected");
        readings().store(List.of(fan, state));

        assertEquals(1, statements.size());
        assertEquals(1, executions);
        List<String> arguments = functionArguments(statements.get(0));
        assertEquals(List.of("bigint", "timestamptz", "varchar[]", "varchar[]", "varchar[]", "float8[]", "varchar[]",
                "varchar[]", "float8[]", "float8[]", "float8[]", "float8[]", "float8[]", "float8[]"), arguments);
        // the parameter order of sensor_poll_store in V11_2__sensor_history.sql
        assertEquals(List.of(7L, "2026-11-24T12:00Z", "{\"FAN1\",\"PS1 Status\"}", "{\"FAN\",\"DISCRETE\"}",
                "{\"RPM\",\"0x01\"}", "{\"400.0\",NULL}", "{\"cr\",NULL}", "{NULL,\"Presence detected\"}",
                "{\"300.0\",NULL}", "{\"500.0\",NULL}", "{\"700.0\",NULL}", "{\"8000.0\",NULL}",
                "{\"9000.0\",NULL}", "{\"10000.0\",NULL}"), List.copyOf(parameters.values()));
    }

    @Test
    void twoPollsAreTwoCalls() {
        SensorReading a = new SensorReading(7L, "FAN1", SensorKind.FAN, 400.0, "RPM", "ok", new Double[6], T0);
        SensorReading b = new SensorReading(8L, "FAN1", SensorKind.FAN, 410.0, "RPM", "ok", new Double[6], T0);
        SensorReading c = new SensorReading(7L, "FAN1", SensorKind.FAN, 420.0, "RPM", "ok", new Double[6],
                T0.plusMinutes(1));
        readings().store(List.of(a, b, c));
        assertEquals(3, executions);
    }

    @Test
    void noReadingsNoStatement() {
        readings().store(List.of());
        assertEquals(List.of(), statements);
    }

    private static List<String> functionArguments(String sql) {
        Matcher m = Pattern.compile("cast\\(\\?(\\d+) as ([a-z0-9\\[\\]]+)\\)").matcher(sql);
        List<String> types = new ArrayList<>();
        while (m.find()) {
            assertEquals(types.size() + 1, Integer.parseInt(m.group(1)));
            types.add(m.group(2));
        }
        return types;
    }

    /** SensorReadings with an EntityManager that records native statements and their parameters. */
    private SensorReadings readings() {
        Query query = (Query) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Query.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "setParameter" -> {
                        parameters.put((Integer) args[0], args[1]);
                        yield proxy;
                    }
                    case "getSingleResult" -> ++executions;
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
