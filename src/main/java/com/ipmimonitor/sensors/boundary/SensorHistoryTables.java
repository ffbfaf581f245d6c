package com.ipmimonitor.sensors.boundary;

import com.ipmimonitor.sql.NativeRow;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/** The SQL of SensorHistory, each call in a short transaction of its own. */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class SensorHistoryTables {

    @PersistenceContext
    EntityManager em;

    /** Daily partitions for today + fromDay to today + toDay (UTC days); returns how many were missing. */
    public int createPartitions(int fromDay, int toDay) {
        return NativeRow.single(em.createNativeQuery("""
                select sensor_history_partitions((now() at time zone 'UTC')::date + ?1, (now() at time zone 'UTC')::date + ?2)
                       as made""")
                .setParameter(1, fromDay).setParameter(2, toDay)).intValue("made");
    }

    /** Rolls up at most maxHours closed hours; returns how many. */
    public int rollUp(int maxHours) {
        return NativeRow.single(em.createNativeQuery("select sensor_rollup_catch_up(?1) as hours")
                .setParameter(1, maxHours)).intValue("hours");
    }

    /**
     * Packs the power readings of the closed hours (ended before now() - 2 minutes, so that a poll being stored is
     * not missed; one stored later is packed next time) into their hour rows; returns how many readings.
     */
    public long packPower() {
        return NativeRow.single(em.createNativeQuery("""
                select power_pack(date_bin('1 hour', now() - interval '2 minutes', timestamptz '2000-01-01 00:00+00'))
                       as readings""")).longValue("readings");
    }

    /** Drops the days of power history that ended more than keepDays ago (power_history_drop). */
    public List<DroppedHistory> dropPowerOlderThan(int keepDays) {
        long started = System.nanoTime();
        List<NativeRow> rows = NativeRow.list(em.createNativeQuery("""
                select table_name, partitions, rows_dropped from power_history_drop(now() - make_interval(days => ?1))""")
                .setParameter(1, keepDays));
        long millis = (System.nanoTime() - started) / 1_000_000;
        return rows.stream().map(r -> dropped(r, millis)).toList();
    }

    public List<DroppedHistory> dropOlderThan(int keepDays) {
        long started = System.nanoTime();
        List<NativeRow> rows = NativeRow.list(em.createNativeQuery("""
                select table_name, partitions, rows_dropped from sensor_history_drop(now() - make_interval(days => ?1))""")
                .setParameter(1, keepDays));
        long millis = (System.nanoTime() - started) / 1_000_000;
        return rows.stream().map(r -> dropped(r, millis)).toList();
    }

    /** A row of sensor_history_drop (table_name, partitions, rows_dropped). */
    static DroppedHistory dropped(NativeRow r, long millis) {
        return new DroppedHistory(r.string("table_name"), r.intValue("partitions"), r.longValue("rows_dropped"), millis);
    }
}
