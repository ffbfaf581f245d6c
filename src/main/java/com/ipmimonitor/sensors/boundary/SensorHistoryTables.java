package com.ipmimonitor.sensors.boundary;

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
        return ((Number) em.createNativeQuery("""
                select sensor_history_partitions((now() at time zone 'UTC')::date + ?1, (now() at time zone 'UTC')::date + ?2)""")
                .setParameter(1, fromDay).setParameter(2, toDay).getSingleResult()).intValue();
    }

    /** Rolls up at most maxHours closed hours; returns how many. */
    public int rollUp(int maxHours) {
        return ((Number) em.createNativeQuery("select sensor_rollup_catch_up(?1)").setParameter(1, maxHours)
                .getSingleResult()).intValue();
    }

    @SuppressWarnings("unchecked")
    public List<DroppedHistory> dropOlderThan(int keepDays) {
        long started = System.nanoTime();
        List<Object[]> rows = em.createNativeQuery("""
                select table_name, partitions, rows_dropped from sensor_history_drop(now() - make_interval(days => ?1))""")
                .setParameter(1, keepDays).getResultList();
        long millis = (System.nanoTime() - started) / 1_000_000;
        return rows.stream().map(r -> new DroppedHistory((String) r[0], ((Number) r[1]).intValue(),
                ((Number) r[2]).longValue(), millis)).toList();
    }
}
