package com.ipmimonitor.sensors.boundary;

import com.ipmimonitor.sensors.entity.SensorKind;
import com.ipmimonitor.sensors.entity.SensorReading;
import com.ipmimonitor.sql.NativeRow;

/**
 * Native rows of the views sensor_reading and sensor_reading_latest (and of the sensor table's thresholds) as the
 * app's types, read by column name: the sensor pages, the API and alerting read one reading the same way.
 */
public final class SensorReadingRows {

    /** The view columns a reading is made of, qualified by the view's alias r. */
    public static final String COLUMNS = """
            r.server_id, r.sensor_name, r.kind, r.value, r.unit, r.status, r.lower_nr, r.lower_critical, r.lower_nc,
            r.upper_nc, r.upper_critical, r.upper_nr, r.collected_at, r.state_text""";

    private SensorReadingRows() {
    }

    /** A row with COLUMNS; values (real in history, float8 in the latest poll) via {@link NativeRow#real}. */
    public static SensorReading reading(NativeRow r) {
        return new SensorReading(r.longValue("server_id"), r.string("sensor_name"), r.enumValue("kind", SensorKind.class),
                r.real("value"), r.string("unit"), r.string("status"), thresholds(r), r.time("collected_at"),
                r.string("state_text"));
    }

    /** Lower/upper non-recoverable, critical, non-critical, in SensorReading's order. */
    static Double[] thresholds(NativeRow r) {
        return new Double[] {r.real("lower_nr"), r.real("lower_critical"), r.real("lower_nc"), r.real("upper_nc"),
            r.real("upper_critical"), r.real("upper_nr")};
    }
}
