package com.ipmimonitor.sensors.boundary;

import jakarta.annotation.Resource;
import jakarta.ejb.Schedule;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Singleton;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Deletes sensor, power and poll history older than SENSOR_RETENTION_DAYS (the original kept every row
 * forever). SEL events are history operators come back to and are never deleted here.
 */
@Singleton
public class SensorRetention {

    private static final Logger LOG = Logger.getLogger(SensorRetention.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    @ConfigProperty(name = "sensor.retention.days", defaultValue = "30")
    int days;

    @Resource
    SessionContext context;

    @Resource
    ManagedExecutorService executor;

    /**
     * The purge runs on the executor through this bean's own proxy (so in a transaction of its own), not in the
     * timer callback: Payara expunges a calendar timer whose deliveries fail twice, so a database outage at
     * :17 would otherwise end retention until a restart.
     */
    @Schedule(hour = "*", minute = "17", persistent = false)
    void hourly() {
        SensorRetention self = context.getBusinessObject(SensorRetention.class);
        executor.execute(() -> {
            try {
                self.purge(days);
            } catch (RuntimeException e) {
                LOG.warning("retention purge failed, retried next hour: " + e.getMessage());
            }
        });
    }

    /** Returns the number of rows deleted. */
    public int purge(int keepDays) {
        int deleted = 0;
        for (String sql : new String[] {
                "delete from sensor_reading where collected_at < now() - make_interval(days => ?1)",
                "delete from power_reading where collected_at < now() - make_interval(days => ?1)",
                "delete from collection_run where started_at < now() - make_interval(days => ?1)"}) {
            deleted += em.createNativeQuery(sql).setParameter(1, keepDays).executeUpdate();
        }
        if (deleted > 0) {
            LOG.info("retention: deleted " + deleted + " rows older than " + keepDays + " days");
        }
        return deleted;
    }
}
