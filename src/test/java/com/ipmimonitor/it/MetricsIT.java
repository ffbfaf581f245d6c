package com.ipmimonitor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class MetricsIT {

    private final ItEnvironment env = ItEnvironment.get();

    @Test
    void defaultScrapeIsCleanForPromtoolAndShowsTheFleet() throws Exception {
        String text = awaitMetrics();
        Path file = env.workDir().resolve("metrics.txt");
        Files.writeString(file, text);
        Process promtool = new ProcessBuilder("promtool", "check", "metrics").redirectInput(file.toFile())
                .redirectErrorStream(true).start();
        assertTrue(promtool.waitFor(30, TimeUnit.SECONDS));
        String verdict = new String(promtool.getInputStream().readAllBytes());
        assertEquals(0, promtool.exitValue(), "promtool check metrics: " + verdict);

        SimulatedBmc large = env.bmc("large-sel");
        assertTrue(text.contains("ipmi_server_reachable{bmc_ip=\"" + large.host() + "\",server_name=\"" + large.name() + "\",protocol=\"ipmi\"} 1"), text);
        SimulatedBmc wrong = env.bmc("wrong-password");
        assertTrue(text.contains("ipmi_server_reachable{bmc_ip=\"" + wrong.host() + "\",server_name=\"" + wrong.name() + "\",protocol=\"ipmi\"} 0"), text);
        assertTrue(text.contains("ipmi_collection_failures_24h{bmc_ip=\"" + wrong.host() + "\",server_name=\"" + wrong.name()
                + "\",kind=\"AUTH_FAILED\"}"), text);
        assertTrue(text.contains("ipmi_temperature_celsius{bmc_ip=\"" + large.host() + "\",server_name=\"" + large.name()
                + "\",sensor_name=\"CPU1 Temp\"}"), text);
        assertTrue(text.contains("ipmi_total_servers " + env.fleet().size()), text);
    }

    @Test
    void eventCountsAreThoseStoredForEachServer() {
        awaitMetrics();
        for (SimulatedBmc bmc : env.fleet()) {
            String labels = "{bmc_ip=\"" + bmc.host() + "\",server_name=\"" + bmc.name() + "\"} ";
            // the series are refreshed every 15 s: compare with what is stored, until a refresh has caught up
            ItEnvironment.await("event counts of " + bmc.name() + " in /metrics", 60, () -> {
                long[] stored = storedCounts(bmc.host());
                String text = env.get("/metrics").body();
                return text.contains("ipmi_events_total" + labels + stored[0] + "\n")
                        && text.contains("ipmi_events_critical_24h" + labels + stored[1] + "\n")
                        && text.contains("ipmi_events_warning_24h" + labels + stored[2] + "\n");
            });
        }
        assertTrue(storedCounts(env.bmc("large-sel").host())[0] > 1000, "the large SEL is in the counts");
    }

    /** total, critical and warning of the last 24 h, straight from the database. */
    private long[] storedCounts(String bmcIp) {
        try (var db = env.appDatabase(); var q = db.prepareStatement("""
                select count(*), count(*) filter (where e.severity = 'CRITICAL' and coalesce(e.event_time, e.collected_at)
                       > now() - interval '24 hours'), count(*) filter (where e.severity = 'WARNING'
                       and coalesce(e.event_time, e.collected_at) > now() - interval '24 hours')
                  from sel_event e join server s on s.id = e.server_id where s.bmc_ip = ?""")) {
            q.setString(1, bmcIp);
            var rs = q.executeQuery();
            rs.next();
            return new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)};
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void lastCollectionTimestampIsThePollTimeNotTheScrapeTime() {
        awaitMetrics();
        // Two scrapes two seconds apart give the same value, and it is a poll time stored for a server: the scrape
        // time (or the time of the series' refresh) would differ between the scrapes or from every stored poll.
        // Polls go on meanwhile and the series are refreshed every 15 s, so look until a pair falls between two changes.
        long[] seen = new long[2];
        ItEnvironment.await("two scrapes with the same last collection, a stored poll time", 60, () -> {
            long first = lastCollection(env.get("/metrics").body());
            long scrapedAt = System.currentTimeMillis();
            ItEnvironment.await("two seconds on the clock", 5, () -> System.currentTimeMillis() >= scrapedAt + 2000);
            long second = lastCollection(env.get("/metrics").body());
            seen[0] = first;
            seen[1] = second;
            return first == second && storedSuccessTimes().contains(second);
        });
        long now = System.currentTimeMillis() / 1000;
        assertTrue(seen[1] <= now && now - seen[1] < 3600, "last collection " + seen[1] + " vs now " + now);
    }

    /** The last successful poll of each server, in Unix seconds, as stored. */
    private java.util.Set<Long> storedSuccessTimes() {
        java.util.Set<Long> times = new java.util.HashSet<>();
        try (var db = env.appDatabase(); var q = db.prepareStatement(
                "select cast(extract(epoch from last_success_at) as bigint) from server_status where last_success_at is not null")) {
            var rs = q.executeQuery();
            while (rs.next()) {
                times.add(rs.getLong(1));
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return times;
    }

    @Test
    void everyMetricTheGrafanaDashboardQueriesIsExported() throws Exception {
        String text = awaitMetrics();
        Path dashboard = Path.of(System.getProperty("it.projectDir", ".")).resolve("grafana/dashboards/ipmi-monitor.json");
        var queried = java.util.regex.Pattern.compile("\\bipmi_[a-z0-9_]+").matcher(Files.readString(dashboard))
                .results().map(m -> m.group()).collect(java.util.stream.Collectors.toSet());
        assertTrue(queried.size() >= 10, "the dashboard queries too little: " + queried);
        for (String metric : queried) {
            assertTrue(text.contains("\n" + metric + "{") || text.contains("\n" + metric + " "),
                    "the dashboard queries " + metric + ", which /metrics does not export");
        }
    }

    private static long lastCollection(String text) {
        return text.lines().filter(l -> l.startsWith("ipmi_last_collection_timestamp "))
                .map(l -> Long.parseLong(l.substring(l.indexOf(' ') + 1).strip())).findFirst()
                .orElseThrow(() -> new AssertionError("no ipmi_last_collection_timestamp in " + text));
    }

    private String awaitMetrics() {
        for (int i = 0; i < 120; i++) {
            var response = env.get("/metrics");
            // the series are refreshed every 15 s: until then they can still show a server an earlier test removed
            if (response.statusCode() == 200 && response.body().contains("ipmi_temperature_celsius")
                    && response.body().contains("AUTH_FAILED")
                    && response.body().contains("\nipmi_total_servers " + env.fleet().size() + "\n")) {
                return response.body();
            }
            ItEnvironment.sleep(500);
        }
        throw new AssertionError("the fleet never showed in /metrics: " + env.get("/metrics").body());
    }
}
