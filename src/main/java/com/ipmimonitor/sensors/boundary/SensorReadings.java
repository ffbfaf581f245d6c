package com.ipmimonitor.sensors.boundary;

import com.ipmimonitor.sql.ArrayParameters;
import com.ipmimonitor.sql.NativeRow;
import com.ipmimonitor.sensors.entity.PowerDraw;
import com.ipmimonitor.sensors.entity.SdrName;
import com.ipmimonitor.sensors.entity.SensorKind;
import com.ipmimonitor.sensors.entity.SensorReading;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.persistence.TypedQuery;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Sensor history and the per-BMC sensor-number-to-name map (the SDR names that make ECC events readable). */
@Stateless
public class SensorReadings {

    /**
     * A poll's readings in one round trip: sensor_poll_store (V11_2__sensor_history.sql) keeps the sensor dimension
     * and labels and writes the poll as one row of parallel arrays.
     */
    private static final String STORE = """
            select sensor_poll_store(cast(?1 as bigint), cast(?2 as timestamptz), cast(?3 as varchar[]),
                   cast(?4 as varchar[]), cast(?5 as varchar[]), cast(?6 as float8[]), cast(?7 as varchar[]),
                   cast(?8 as varchar[]), cast(?9 as float8[]), cast(?10 as float8[]), cast(?11 as float8[]),
                   cast(?12 as float8[]), cast(?13 as float8[]), cast(?14 as float8[]))""";

    /** The per-reading arrays of STORE (parameters 3 - 14), in its order. */
    static final List<Function<SensorReading, Object>> COLUMNS = List.of(SensorReading::getSensorName,
            r -> r.getKind().name(), SensorReading::getUnit, SensorReading::getValue, SensorReading::getStatus,
            SensorReading::getStateText, SensorReading::getLowerNonRecoverable, SensorReading::getLowerCritical,
            SensorReading::getLowerNonCritical, SensorReading::getUpperNonCritical, SensorReading::getUpperCritical,
            SensorReading::getUpperNonRecoverable);

    /** The sensor ids of one server's sensor of a name, every version of its description. */
    private static final String SENSOR_IDS = "select d.id from sensor d where d.server_id = ?1 and d.sensor_name = ?3";

    private static final String INSERT_NAMES = """
            insert into sdr_name (server_id, sensor_number, sensor_name, entity, full_record, sensor_type)
            select server_id, sensor_number, sensor_name, entity, full_record, sensor_type
              from unnest(cast(?1 as bigint[]), cast(?2 as integer[]), cast(?3 as varchar[]), cast(?4 as varchar[]),
                          cast(?5 as text[]), cast(?6 as integer[]))
                   as r(server_id, sensor_number, sensor_name, entity, full_record, sensor_type)""";

    /** The columns of INSERT_NAMES, in its order. */
    private static final List<Function<SdrName, Object>> NAME_COLUMNS = List.of(SdrName::getServerId,
            SdrName::getSensorNumber, SdrName::getSensorName, SdrName::getEntity, n -> n.findFullRecord().orElse(null),
            n -> n.findSensorType().orElse(null));

    @PersistenceContext
    EntityManager em;

    /** Readings of polls: one stored row per server and time (a poll's readings share both). */
    public void store(List<SensorReading> readings) {
        Map<List<Object>, List<SensorReading>> polls = readings.stream().collect(Collectors.groupingBy(
                r -> List.of(r.getServerId(), r.getCollectedAt()), LinkedHashMap::new, Collectors.toList()));
        polls.forEach((poll, rows) -> {
            var query = em.createNativeQuery(STORE).setParameter(1, poll.get(0)).setParameter(2, poll.get(1).toString());
            for (int c = 0; c < COLUMNS.size(); c++) {
                query.setParameter(c + 3, ArrayParameters.literal(rows.stream().map(COLUMNS.get(c)).toList()));
            }
            query.getSingleResult();
        });
    }

    /** One reading: power_store (V12_41__power_history.sql) keeps it until its hour is packed, and as the latest. */
    public void store(PowerDraw draw) {
        em.createNativeQuery("select power_store(cast(?1 as bigint), cast(?2 as timestamptz), cast(?3 as integer), cast(?4 as integer),"
                        + " cast(?5 as integer), cast(?6 as integer))")
                .setParameter(1, draw.getServerId()).setParameter(2, draw.getCollectedAt().toString())
                .setParameter(3, draw.getCurrentWatts()).setParameter(4, draw.getMinWatts())
                .setParameter(5, draw.getMaxWatts()).setParameter(6, draw.getAvgWatts()).getSingleResult();
    }

    /** Power readings of the last hours, oldest first: the packed hours that can hold them and the recent ones. */
    public List<PowerDraw> powerOf(long serverId, int hours) {
        return NativeRow.list(em.createNativeQuery("""
                select p.collected_at, p.current_watts, p.min_watts, p.max_watts, p.avg_watts
                  from power_history(?1, now() - make_interval(hours => ?2)) p""")
                .setParameter(1, serverId).setParameter(2, hours)).stream().map(r -> power(serverId, r)).toList();
    }

    /** A row of power_history. */
    static PowerDraw power(long serverId, NativeRow r) {
        return new PowerDraw(serverId, r.intValue("current_watts"), r.integer("min_watts"), r.integer("max_watts"),
                r.integer("avg_watts"), r.time("collected_at"));
    }

    /**
     * The BMC's SDR names, replaced: one DELETE and one INSERT of one array per column. Persisting SdrName entities
     * cost EclipseLink an INSERT (and its change tracking) per sensor, and reading them back for the same poll
     * (namesOf, fullRecordsOf, typesOf) three queries more: most of the JVM's work for the SDR on a first poll.
     * Returns the names as stored: sensor numbers are unique per owner/LUN only, so the first name a number maps to,
     * in sensor number order (the order the maps of {@link #names}, {@link #fullRecords} and {@link #types} read).
     */
    public List<SdrName> replaceNames(long serverId, List<SdrName> names) {
        em.createQuery("delete from SdrName n where n.serverId = :id").setParameter("id", serverId).executeUpdate();
        List<SdrName> stored = firstOfEachNumber(names);
        if (!stored.isEmpty()) {
            ArrayParameters.bind(em.createNativeQuery(INSERT_NAMES), stored, NAME_COLUMNS).executeUpdate();
        }
        return stored;
    }

    /** The first name of each sensor number, by sensor number. */
    static List<SdrName> firstOfEachNumber(List<SdrName> names) {
        return List.copyOf(names.stream().collect(Collectors.toMap(SdrName::getSensorNumber, n -> n, (a, b) -> a,
                TreeMap::new)).values());
    }

    public Map<Integer, String> namesOf(long serverId) {
        return names(storedNames(em.createQuery("select n from SdrName n where n.serverId = :id", SdrName.class), serverId));
    }

    /** Sensor number to the hex of its Full Sensor Record, for the sensors that have one. */
    public Map<Integer, String> fullRecordsOf(long serverId) {
        return fullRecords(storedNames(em.createQuery(
                "select n from SdrName n where n.serverId = :id and n.fullRecord is not null", SdrName.class), serverId));
    }

    /** SDR name to sensor type, where the BMC's SDR said it: discrete states are decoded with it. */
    public Map<String, Integer> typesOf(long serverId) {
        return types(storedNames(em.createQuery("select n from SdrName n where n.serverId = :id", SdrName.class), serverId));
    }

    private static List<SdrName> storedNames(TypedQuery<SdrName> query, long serverId) {
        // by sensor number, as replaceNames returns them: the first of two sensors of one name gives its type
        return query.setParameter("id", serverId).getResultStream()
                .sorted(Comparator.comparingInt(SdrName::getSensorNumber)).toList();
    }

    /** Sensor number to name (namesOf) of names as stored. */
    public static Map<Integer, String> names(List<SdrName> stored) {
        return stored.stream().collect(Collectors.toMap(SdrName::getSensorNumber, SdrName::getSensorName, (a, b) -> a,
                TreeMap::new));
    }

    /** Sensor number to Full Sensor Record hex (fullRecordsOf) of names as stored. */
    public static Map<Integer, String> fullRecords(List<SdrName> stored) {
        return stored.stream().filter(n -> n.findFullRecord().isPresent())
                .collect(Collectors.toMap(SdrName::getSensorNumber, n -> n.findFullRecord().orElseThrow(), (a, b) -> a));
    }

    /** SDR name to sensor type (typesOf) of names as stored: the first sensor of a name that has a type. */
    public static Map<String, Integer> types(List<SdrName> stored) {
        return stored.stream().filter(n -> n.findSensorType().isPresent())
                .collect(Collectors.toMap(SdrName::getSensorName, n -> n.findSensorType().get(), (a, b) -> a));
    }

    /** Readings of the last hours, oldest first; one sensor when a name is given. */
    public List<SensorReading> historyOf(long serverId, int hours, String sensorName) {
        // no sensor name holds U+0000 (ipmitool prints C strings), and PostgreSQL would fail the query with a 500
        if (sensorName != null && sensorName.indexOf('\0') >= 0) {
            return List.of();
        }
        boolean one = sensorName != null && !sensorName.isBlank();
        String sql = "select " + SensorReadingRows.COLUMNS + " from sensor_reading r where r.server_id = ?1"
                + " and r.collected_at >= now() - make_interval(hours => ?2)"
                + (one ? " and r.sensor_id in (" + SENSOR_IDS + ")" : "")
                + " order by r.collected_at, r.sensor_name, r.position limit 100000";
        var query = em.createNativeQuery(sql).setParameter(1, serverId).setParameter(2, hours);
        if (one) {
            query.setParameter(3, sensorName);
        }
        return readingsOf(query);
    }

    /**
     * One sensor's hourly rollups (sensor_hourly) of the last hours, oldest first: hours the sensor had readings
     * with a value in; thresholds and unit of the sensor's current description. Charts of long ranges read these.
     */
    public List<SensorHour> hourlyOf(long serverId, int hours, String sensorName) {
        if (sensorName == null || sensorName.isBlank() || sensorName.indexOf('\0') >= 0) {
            return List.of();
        }
        List<NativeRow> rows = NativeRow.list(em.createNativeQuery("""
                select r.hour, sum(r.samples) as samples, min(r.min_value) as min_value,
                       sum(r.avg_value * r.samples) / sum(r.samples) as avg_value, max(r.max_value) as max_value
                  from sensor_hourly r
                 where r.sensor_id in (select d.id from sensor d where d.server_id = ?1 and d.sensor_name = ?3)
                   and r.hour >= date_bin('1 hour', now() - make_interval(hours => ?2), timestamptz '2000-01-01 00:00+00')
                 group by r.hour order by r.hour""").setParameter(1, serverId).setParameter(2, hours)
                .setParameter(3, sensorName));
        return NativeRow.first(em.createNativeQuery("""
                select d.kind, d.unit, d.lower_nr, d.lower_critical, d.lower_nc, d.upper_nc, d.upper_critical, d.upper_nr
                  from sensor d where d.server_id = ?1 and d.sensor_name = ?2 order by d.current desc, d.id desc
                 limit 1""").setParameter(1, serverId).setParameter(2, sensorName))
                .map(sensor -> hours(sensorName, sensor, rows)).orElse(List.of());
    }

    /** Rollup rows (hour, samples, min_value, avg_value, max_value) of the sensor described by a sensor row. */
    static List<SensorHour> hours(String sensorName, NativeRow sensor, List<NativeRow> rows) {
        SensorKind kind = sensor.enumValue("kind", SensorKind.class);
        Double[] thresholds = SensorReadingRows.thresholds(sensor);
        String unit = sensor.string("unit");
        return rows.stream().map(r -> new SensorHour(sensorName, kind, unit, thresholds, r.time("hour"),
                r.intValue("samples"), r.real("min_value"), r.real("avg_value"), r.real("max_value"))).toList();
    }

    /** The newest reading of every sensor of one server: the readings of its newest poll. */
    public List<SensorReading> latestOf(long serverId) {
        return readingsOf(em.createNativeQuery("select " + SensorReadingRows.COLUMNS + " from sensor_reading_latest r"
                + " where r.server_id = ?1 order by r.sensor_name, r.position").setParameter(1, serverId));
    }

    private static List<SensorReading> readingsOf(Query query) {
        return NativeRow.list(query).stream().map(SensorReadingRows::reading).toList();
    }
}
