package com.ipmimonitor.sensors.boundary;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ipmimonitor.sensors.entity.SensorKind;
import com.ipmimonitor.sensors.entity.SensorReading;
import com.ipmimonitor.sql.NativeRow;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Native rows of sensor history, the latest poll, rollups and dropped partitions, read by column name. */
class SensorReadingRowsTest {

    private static final Instant AT = Instant.parse("2026-11-24T12:00:00Z");

    /** A row of the view sensor_reading as the driver hands it out: value real (Float), thresholds float8. */
    private static Map<String, Object> historyRow() {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("server_id", 7L);
        row.put("sensor_name", "CPU Temp");
        row.put("kind", "TEMPERATURE");
        row.put("value", 12.18f);
        row.put("unit", "degrees C");
        row.put("status", "ok");
        row.put("lower_nr", null);
        row.put("lower_critical", 5.0);
        row.put("lower_nc", 10.0);
        row.put("upper_nc", 80.0);
        row.put("upper_critical", 90.5);
        row.put("upper_nr", null);
        row.put("collected_at", Timestamp.from(AT));
        row.put("state_text", null);
        return row;
    }

    @Test
    void aHistoryRowIsAReadingWithTheDecimalsIpmitoolPrinted() {
        SensorReading r = SensorReadingRows.reading(NativeRow.of(historyRow()));
        assertEquals(7L, r.getServerId());
        assertEquals("CPU Temp", r.getSensorName());
        assertEquals(SensorKind.TEMPERATURE, r.getKind());
        assertEquals(12.18, r.getValue()); // not 12.180000305175781
        assertEquals("degrees C", r.getUnit());
        assertEquals("ok", r.getStatus());
        assertEquals(5.0, r.getLowerCritical());
        assertEquals(90.5, r.getUpperCritical());
        assertEquals(null, r.getUpperNonRecoverable());
        assertEquals(OffsetDateTime.ofInstant(AT, ZoneOffset.UTC), r.getCollectedAt());
    }

    @Test
    void everyFloat4ValueReadsBackAsPrinted() {
        for (double v : new double[] {12.18, 3.337, 1.79, 5600, 45, -12.5, 0.001, 1234.567, 98765.43}) {
            Map<String, Object> row = historyRow();
            row.put("value", (float) v);
            assertEquals(v, SensorReadingRows.reading(NativeRow.of(row)).getValue(), String.valueOf(v));
        }
        Map<String, Object> latest = historyRow();
        latest.put("value", 12.180000000000001); // sensor_reading_latest keeps float8
        assertEquals(12.180000000000001, SensorReadingRows.reading(NativeRow.of(latest)).getValue());
    }

    @Test
    void theColumnsMayComeInAnyOrder() {
        List<Map.Entry<String, Object>> entries = new ArrayList<>(historyRow().entrySet());
        Collections.reverse(entries);
        Map<String, Object> reversed = new LinkedHashMap<>();
        entries.forEach(e -> reversed.put(e.getKey(), e.getValue()));
        SensorReading a = SensorReadingRows.reading(NativeRow.of(historyRow()));
        SensorReading b = SensorReadingRows.reading(NativeRow.of(reversed));
        assertEquals(a.getValue(), b.getValue());
        assertEquals(a.getUpperCritical(), b.getUpperCritical());
        assertEquals(a.getLowerNonCritical(), b.getLowerNonCritical());
        assertEquals(a.getSensorName(), b.getSensorName());
    }

    @Test
    void aRenamedColumnFailsNamingTheColumn() {
        for (String column : historyRow().keySet()) {
            Map<String, Object> row = new LinkedHashMap<>();
            historyRow().forEach((k, v) -> row.put(k.equals(column) ? column + "_renamed" : k, v));
            NativeRow renamed = NativeRow.of(row);
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> SensorReadingRows.reading(renamed),
                    column);
            assertTrue(e.getMessage().contains("no column " + column), e.getMessage());
        }
    }

    @Test
    void theQueriedColumnsAreTheOnesTheMapperReads() {
        List<String> queried = Arrays.stream(SensorReadingRows.COLUMNS.split(","))
                .map(c -> c.strip().replaceFirst("^r\\.", "")).toList();
        assertEquals(List.copyOf(historyRow().keySet()), queried);
    }

    private static Map<String, Object> sensorRow() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("kind", "VOLTAGE");
        d.put("unit", "Volts");
        d.put("lower_nr", 1.0);
        d.put("lower_critical", 1.1);
        d.put("lower_nc", 1.2);
        d.put("upper_nc", 1.4);
        d.put("upper_critical", 1.5);
        d.put("upper_nr", 1.6);
        return d;
    }

    private static Map<String, Object> hourRow() {
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("hour", Timestamp.from(AT));
        h.put("samples", 60L);
        h.put("min_value", 1.21f);
        h.put("avg_value", 1.2512345);
        h.put("max_value", 1.337f);
        return h;
    }

    @Test
    void rollupRowsAreHoursOfTheSensorsDescription() {
        List<SensorHour> hours = SensorReadings.hours("Vcore", NativeRow.of(sensorRow()), List.of(NativeRow.of(hourRow())));
        SensorHour h = hours.get(0);
        assertEquals("Vcore", h.sensorName());
        assertEquals(SensorKind.VOLTAGE, h.kind());
        assertEquals("Volts", h.unit());
        assertArrayEquals(new Double[] {1.0, 1.1, 1.2, 1.4, 1.5, 1.6}, h.thresholdsLnrLcLncUncUcUnr());
        assertEquals(OffsetDateTime.ofInstant(AT, ZoneOffset.UTC), h.hour());
        assertEquals(60, h.samples());
        assertEquals(1.21, h.min());
        assertEquals(1.2512345, h.avg());
        assertEquals(1.337, h.max());
    }

    @Test
    void aRenamedRollupOrSensorColumnFailsNamingTheColumn() {
        for (String column : hourRow().keySet()) {
            Map<String, Object> row = new LinkedHashMap<>();
            hourRow().forEach((k, v) -> row.put(k.equals(column) ? "x" : k, v));
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> SensorReadings.hours("Vcore", NativeRow.of(sensorRow()), List.of(NativeRow.of(row))));
            assertTrue(e.getMessage().contains("no column " + column), e.getMessage());
        }
        for (String column : sensorRow().keySet()) {
            Map<String, Object> row = new LinkedHashMap<>();
            sensorRow().forEach((k, v) -> row.put(k.equals(column) ? "x" : k, v));
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> SensorReadings.hours("Vcore", NativeRow.of(row), List.of(NativeRow.of(hourRow()))));
            assertTrue(e.getMessage().contains("no column " + column), e.getMessage());
        }
    }

    @Test
    void aPowerHistoryRowIsAPowerDrawAndARenamedColumnFailsNamingIt() {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("collected_at", Timestamp.from(AT));
        row.put("current_watts", 310);
        row.put("min_watts", null);
        row.put("max_watts", 420);
        row.put("avg_watts", 305);
        var draw = SensorReadings.power(7, NativeRow.of(row));
        assertEquals(7L, draw.getServerId());
        assertEquals(310, draw.getCurrentWatts());
        assertEquals(null, draw.getMinWatts());
        assertEquals(420, draw.getMaxWatts());
        assertEquals(305, draw.getAvgWatts());
        assertEquals(OffsetDateTime.ofInstant(AT, ZoneOffset.UTC), draw.getCollectedAt());
        for (String column : List.copyOf(row.keySet())) {
            Map<String, Object> renamed = new LinkedHashMap<>();
            row.forEach((k, v) -> renamed.put(k.equals(column) ? "x" : k, v));
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> SensorReadings.power(7, NativeRow.of(renamed)));
            assertTrue(e.getMessage().contains("no column " + column), e.getMessage());
        }
    }

    @Test
    void aDroppedPartitionsRowIsReadByName() {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("rows_dropped", 20_000L);
        row.put("partitions", 10);
        row.put("table_name", "sensor_sample");
        assertEquals(new DroppedHistory("sensor_sample", 10, 20_000L, 69), SensorHistoryTables.dropped(NativeRow.of(row), 69));
        row.remove("rows_dropped");
        row.put("rows", 20_000L);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> SensorHistoryTables.dropped(NativeRow.of(row), 69));
        assertTrue(e.getMessage().contains("no column rows_dropped"), e.getMessage());
    }
}
