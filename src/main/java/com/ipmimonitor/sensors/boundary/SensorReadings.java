package com.ipmimonitor.sensors.boundary;

import com.ipmimonitor.sql.ArrayParameters;
import com.ipmimonitor.sensors.entity.PowerDraw;
import com.ipmimonitor.sensors.entity.SdrName;
import com.ipmimonitor.sensors.entity.SensorReading;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Sensor history and the per-BMC sensor-number-to-name map (the SDR names that make ECC events readable). */
@Stateless
public class SensorReadings {

    // a poll's readings in one statement (one round trip instead of an INSERT and an id read-back per reading)
    private static final String INSERT = """
            insert into sensor_reading (server_id, sensor_name, kind, value, unit, status, lower_nr, lower_critical,
                   lower_nc, upper_nc, upper_critical, upper_nr, collected_at, state_text)
            select server_id, sensor_name, kind, value, unit, status, lower_nr, lower_critical, lower_nc, upper_nc,
                   upper_critical, upper_nr, collected_at, state_text
              from unnest(cast(?1 as bigint[]), cast(?2 as varchar[]), cast(?3 as varchar[]), cast(?4 as float8[]),
                          cast(?5 as varchar[]), cast(?6 as varchar[]), cast(?7 as float8[]), cast(?8 as float8[]),
                          cast(?9 as float8[]), cast(?10 as float8[]), cast(?11 as float8[]), cast(?12 as float8[]),
                          cast(?13 as timestamptz[]), cast(?14 as varchar[]))
                   with ordinality as r(server_id, sensor_name, kind, value, unit, status, lower_nr, lower_critical,
                   lower_nc, upper_nc, upper_critical, upper_nr, collected_at, state_text, n)
             order by n""";

    /** The values of INSERT's columns, in its order. */
    static final List<Function<SensorReading, Object>> COLUMNS = List.of(SensorReading::getServerId,
            SensorReading::getSensorName, r -> r.getKind().name(), SensorReading::getValue, SensorReading::getUnit,
            SensorReading::getStatus, SensorReading::getLowerNonRecoverable, SensorReading::getLowerCritical,
            SensorReading::getLowerNonCritical, SensorReading::getUpperNonCritical, SensorReading::getUpperCritical,
            SensorReading::getUpperNonRecoverable, SensorReading::getCollectedAt, SensorReading::getStateText);

    @PersistenceContext
    EntityManager em;

    public void store(List<SensorReading> readings) {
        if (!readings.isEmpty()) {
            ArrayParameters.bind(em.createNativeQuery(INSERT), readings, COLUMNS).executeUpdate();
        }
    }

    public void store(PowerDraw draw) {
        em.persist(draw);
    }

    public List<PowerDraw> powerOf(long serverId, int hours) {
        return em.createQuery("select p from PowerDraw p where p.serverId = :id and p.collectedAt >= :since"
                        + " order by p.collectedAt", PowerDraw.class)
                .setParameter("id", serverId)
                .setParameter("since", java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).minusHours(hours))
                .getResultList();
    }

    public void replaceNames(long serverId, List<SdrName> names) {
        em.createQuery("delete from SdrName n where n.serverId = :id").setParameter("id", serverId).executeUpdate();
        // sensor numbers are unique per owner/LUN only: keep the first name a number maps to
        names.stream().collect(Collectors.toMap(SdrName::getSensorNumber, n -> n, (a, b) -> a))
                .values().forEach(em::persist);
    }

    public Map<Integer, String> namesOf(long serverId) {
        return em.createQuery("select n from SdrName n where n.serverId = :id", SdrName.class)
                .setParameter("id", serverId).getResultStream()
                .collect(Collectors.toMap(SdrName::getSensorNumber, SdrName::getSensorName, (a, b) -> a, TreeMap::new));
    }

    /** Sensor number to the hex of its Full Sensor Record, for the sensors that have one. */
    public Map<Integer, String> fullRecordsOf(long serverId) {
        return em.createQuery("select n from SdrName n where n.serverId = :id and n.fullRecord is not null", SdrName.class)
                .setParameter("id", serverId).getResultStream()
                .collect(Collectors.toMap(SdrName::getSensorNumber, n -> n.findFullRecord().orElseThrow(), (a, b) -> a));
    }

    /** SDR name to sensor type, where the BMC's SDR said it: discrete states are decoded with it. */
    public Map<String, Integer> typesOf(long serverId) {
        return em.createQuery("select n from SdrName n where n.serverId = :id", SdrName.class)
                .setParameter("id", serverId).getResultStream().filter(n -> n.findSensorType().isPresent())
                .collect(Collectors.toMap(SdrName::getSensorName, n -> n.findSensorType().get(), (a, b) -> a));
    }

    /** Readings of the last hours, oldest first; one sensor when a name is given. */
    public List<SensorReading> historyOf(long serverId, int hours, String sensorName) {
        // no sensor name holds U+0000 (ipmitool prints C strings), and PostgreSQL would fail the query with a 500
        if (sensorName != null && sensorName.indexOf('\0') >= 0) {
            return List.of();
        }
        String jpql = "select r from SensorReading r where r.serverId = :id and r.collectedAt >= :since"
                + (sensorName == null || sensorName.isBlank() ? "" : " and r.sensorName = :name")
                + " order by r.collectedAt, r.sensorName";
        var query = em.createQuery(jpql, SensorReading.class).setParameter("id", serverId)
                .setParameter("since", java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).minusHours(hours));
        if (sensorName != null && !sensorName.isBlank()) {
            query.setParameter("name", sensorName);
        }
        return query.setMaxResults(100_000).getResultList();
    }

    /** The newest reading of every sensor of one server. */
    public List<SensorReading> latestOf(long serverId) {
        return em.createQuery("select r from SensorReading r where r.serverId = :id and r.collectedAt ="
                        + " (select max(x.collectedAt) from SensorReading x where x.serverId = :id) order by r.sensorName",
                        SensorReading.class)
                .setParameter("id", serverId).getResultList();
    }
}
