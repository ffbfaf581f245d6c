package com.ipmimonitor.observability.boundary;

import com.ipmimonitor.alerting.boundary.Alerts;
import com.ipmimonitor.collection.entity.SelFill;
import com.ipmimonitor.concurrent.TimerWork;
import com.ipmimonitor.sql.NativeRow;
import com.ipmimonitor.observability.control.FleetMetricSamples;
import com.ipmimonitor.observability.control.MetricSample;
import com.ipmimonitor.observability.control.ScrapeBody;
import com.ipmimonitor.observability.control.SensorFact;
import com.ipmimonitor.observability.control.ServerFacts;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The fleet's series for /metrics, refreshed from the database every 15 s (the database, not this instance's
 * memory, so every instance of a cluster reports the same fleet). Each refresh replaces the last one whole, so a
 * deleted server stops showing in Prometheus.
 *
 * They are no longer mirrored into the MicroProfile registry (/mp-metrics): nothing documented read them there, and
 * Payara's registry compares each new series with every registered one (MetricRegistryImpl.hasSameTagNames), so
 * registering the 30,000 series of 1,000 servers took more CPU than everything else in the JVM while a fleet was
 * polled (JFR, docs/performance.md "Issue 18: pages at 1,000 servers").
 */
@Singleton
@Startup
@DependsOn("DatabaseStartup")
public class FleetMetrics {

    @PersistenceContext
    EntityManager em;

    @Inject
    Alerts alerts;

    private volatile List<MetricSample> latest = List.of();
    private volatile ScrapeBody scrape = ScrapeBody.EMPTY;
    private final TimerWork refreshRun = new TimerWork("metrics refresh", this::refreshOnce);

    @Resource
    ManagedExecutorService executor;

    @PostConstruct
    void first() {
        refresh();
    }

    /** The callback only hands the refresh over (see TimerWork: Payara expunges timers whose deliveries fail). */
    @Schedule(second = "*/15", minute = "*", hour = "*", persistent = false)
    void refresh() {
        refreshRun.start(executor);
    }

    private void refreshOnce() {
        List<MetricSample> samples = new java.util.ArrayList<>(FleetMetricSamples.of(servers(), sensors()));
        samples.addAll(alertSamples());
        publish(samples);
    }

    /** The series of the last refresh. */
    public List<MetricSample> latest() {
        return latest;
    }

    /** The last refresh's series as the Prometheus endpoint sends them: rendered once per refresh, not per scrape. */
    public ScrapeBody scrape() {
        return scrape;
    }

    void publish(List<MetricSample> samples) {
        latest = List.copyOf(samples);
        scrape = ScrapeBody.of(latest);
    }

    /**
     * Totals and the day's counts as two aggregates, each read from an index alone (V6's (server_id, id) and the
     * effective-time index with its included columns), because one join of every event with its server reads the
     * table's heap on every refresh (docs/performance.md has the figures).
     */
    private List<ServerFacts> servers() {
        Map<String, long[]> events = new HashMap<>();
        rows("""
                select s.bmc_ip, coalesce(t.total, 0) as total, coalesce(d.critical, 0) as critical,
                       coalesce(d.warning, 0) as warning
                  from server s
                  left join (select server_id, count(*) as total from sel_event group by server_id) t on t.server_id = s.id
                  left join (select server_id, count(*) filter (where severity = 'CRITICAL') as critical,
                                    count(*) filter (where severity = 'WARNING') as warning
                               from sel_event where coalesce(event_time, collected_at) > now() - interval '24 hours'
                              group by server_id) d on d.server_id = s.id""")
                .forEach(r -> events.put(r.string("bmc_ip"),
                        new long[] {r.longValue("total"), r.longValue("critical"), r.longValue("warning")}));
        Map<String, Map<String, Long>> failures = new HashMap<>();
        rows("""
                select s.bmc_ip, r.outcome, count(*) as runs from collection_run r join server s on s.id = r.server_id
                 where r.outcome <> 'OK' and r.started_at > now() - interval '24 hours' group by s.bmc_ip, r.outcome""")
                .forEach(r -> failures.computeIfAbsent(r.string("bmc_ip"), k -> new HashMap<>())
                        .put(r.string("outcome"), r.longValue("runs")));
        return rows("""
                select s.bmc_ip, s.server_name, coalesce(st.reachable, false) as reachable, st.power_state,
                       st.last_duration_ms, cast(extract(epoch from st.last_success_at) as bigint) as last_success_epoch,
                       st.sel_percent_used, coalesce(st.sel_overflow, false) as sel_overflow,
                       coalesce(st.protocol_detected, s.protocol) as protocol
                  from server s left join server_status st on st.server_id = s.id order by s.bmc_ip""")
                .stream().map(r -> {
                    String bmcIp = r.string("bmc_ip");
                    long[] e = events.getOrDefault(bmcIp, new long[3]);
                    return new ServerFacts(bmcIp, r.string("server_name"), r.bool("reachable"),
                            "ON".equals(r.string("power_state")), e[0], e[1], e[2],
                            r.findLong("last_duration_ms").map(ms -> ms / 1000.0), r.findLong("last_success_epoch"),
                            failures.getOrDefault(bmcIp, Map.of()),
                            new SelFill(r.integer("sel_percent_used"), r.bool("sel_overflow")).usedRatio(),
                            r.string("protocol"));
                }).toList();
    }

    /** ipmi_alerts_firing{rule, severity}: zeros included, so an alert rule can compare against 0. */
    private List<MetricSample> alertSamples() {
        return alerts.firingCounts().entrySet().stream().map(e -> {
            String[] ruleAndSeverity = e.getKey().split("\\|");
            return new MetricSample("ipmi_alerts_firing", "Alerts of the monitor's own rules firing now",
                    Map.of("rule", ruleAndSeverity[0], "severity", ruleAndSeverity[1]), e.getValue());
        }).toList();
    }

    /**
     * The newest reading of each sensor: the readings of each server's newest poll (one sensor_latest row a
     * server), never the history.
     */
    private List<SensorFact> sensors() {
        List<SensorFact> facts = new java.util.ArrayList<>(rows("""
                select s.bmc_ip, s.server_name, r.sensor_name, r.kind, r.value
                  from server s
                  join sensor_reading_latest r on r.server_id = s.id
                 where r.value is not null""")
                .stream().map(r -> new SensorFact(r.string("bmc_ip"), r.string("server_name"), r.string("sensor_name"),
                        r.string("kind"), r.decimal("value"))).toList());
        rows("""
                select s.bmc_ip, s.server_name, p.current_watts
                  from power_latest p join server s on s.id = p.server_id order by p.server_id""")
                .forEach(r -> facts.add(new SensorFact(r.string("bmc_ip"), r.string("server_name"), "DCMI", "POWER",
                        r.longValue("current_watts"))));
        return facts;
    }

    private List<NativeRow> rows(String sql) {
        return NativeRow.list(em.createNativeQuery(sql));
    }
}
