package com.ipmimonitor.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Horizontal scale: two instances on one PostgreSQL of their own, polling the simulated fleet. No BMC is polled
 * twice within a poll interval, and when the instance doing the polling dies (SIGKILL, leases not released)
 * the other takes its servers over once the leases run out. (Which instance polls is first come, first served:
 * nothing spreads the load evenly yet.)
 */
class TwoInstancesIT {

    /** POLL_INTERVAL of these two instances: short, so that two rounds and a takeover take seconds, not minutes. */
    private static final Duration INTERVAL = Duration.ofSeconds(10);
    private final ItEnvironment env = ItEnvironment.get();

    @Test
    void instancesShareTheFleetWithoutDoublePollingAndTakeOverFromADeadOne() throws Exception {
        dbUrl = env.createDatabase("cluster_it");
        var b = CompletableFuture.supplyAsync(() -> start("instance-b", 18183));
        var c = CompletableFuture.supplyAsync(() -> start("instance-c", 18184));
        AppProcess instanceB = b.get();
        AppProcess instanceC = c.get();
        try {
            Instant start = Instant.now();
            env.register(instanceB.baseUrl(), env.fleet());
            // two rounds: each server polled, then due again, so that both instances had the chance to poll it twice
            ItEnvironment.await("every server polled twice", 120, () -> serversPolledTwiceIn(runsSince(start)).containsAll(serverIds()));
            List<Run> together = runsSince(start);
            assertNoDoublePolling(together);

            AppProcess busiest = together.stream().filter(r -> r.instance().startsWith(instanceB.instancePrefix())).count()
                    >= together.size() / 2 ? instanceB : instanceC;
            busiest.kill();
            Instant death = Instant.now();
            // the dead one's leases (15 s) run out, then the survivor polls its servers
            ItEnvironment.await("every server polled by the survivor", 120,
                    () -> serversPolledIn(runsSince(death)).containsAll(serverIds()));
            List<Run> after = runsSince(death);
            assertTrue(after.stream().noneMatch(r -> r.instance().startsWith(busiest.instancePrefix())));
            assertTrue(serversPolledIn(after).containsAll(serverIds()), "not taken over: " + after + " of " + serverIds());
            assertNoDoublePolling(runsSince(start));
        } finally {
            instanceB.kill();
            instanceC.kill();
        }
    }

    private String dbUrl;

    private AppProcess start(String name, int port) {
        Map<String, String> config = new HashMap<>(env.appEnvironment(env.workDir().resolve(name + "-data")));
        config.put("DB_URL", dbUrl);
        config.put("COLLECTOR_LEASE_SECONDS", "15");
        config.put("POLL_INTERVAL", String.valueOf(INTERVAL.toSeconds()));
        try {
            return AppProcess.start(env.workDir().resolve(name), port, config);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }


    private static Set<Long> serversPolledIn(List<Run> runs) {
        Set<Long> ids = new HashSet<>();
        runs.forEach(r -> ids.add(r.serverId()));
        return ids;
    }

    private static Set<Long> serversPolledTwiceIn(List<Run> runs) {
        Map<Long, Integer> polls = new HashMap<>();
        runs.forEach(r -> polls.merge(r.serverId(), 1, Integer::sum));
        Set<Long> ids = new HashSet<>();
        polls.forEach((id, n) -> {
            if (n >= 2) {
                ids.add(id);
            }
        });
        return ids;
    }

    private static void assertNoDoublePolling(List<Run> runs) {
        Map<Long, List<Run>> byServer = new HashMap<>();
        runs.forEach(r -> byServer.computeIfAbsent(r.serverId(), k -> new ArrayList<>()).add(r));
        byServer.forEach((server, list) -> {
            for (int i = 1; i < list.size(); i++) {
                Duration gap = Duration.between(list.get(i - 1).startedAt(), list.get(i).startedAt());
                // claim time and the recorded start differ by milliseconds; 2 s leaves room for a busy CI machine
                assertTrue(gap.compareTo(INTERVAL.minusSeconds(2)) >= 0,
                        "server " + server + " polled twice within " + gap + ": " + list.get(i - 1) + " / " + list.get(i));
            }
        });
    }

    private List<Long> serverIds() {
        List<Long> ids = new ArrayList<>();
        try (var db = connect(); var q = db.prepareStatement("select id from server where enabled")) {
            var rs = q.executeQuery();
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return ids;
    }

    private java.sql.Connection connect() throws SQLException {
        return java.sql.DriverManager.getConnection(dbUrl, "ipmimon", "ipmimon");
    }

    record Run(long serverId, Instant startedAt, String instance) {
    }

    private List<Run> runsSince(Instant since) {
        List<Run> runs = new ArrayList<>();
        try (var db = connect(); var q = db.prepareStatement(
                "select server_id, started_at, instance from collection_run where started_at >= ? order by server_id, started_at")) {
            q.setTimestamp(1, Timestamp.from(since));
            var rs = q.executeQuery();
            while (rs.next()) {
                runs.add(new Run(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return runs;
    }
}
