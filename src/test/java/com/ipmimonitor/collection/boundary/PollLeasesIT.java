package com.ipmimonitor.collection.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ipmimonitor.it.ItEnvironment;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The lease query itself, run concurrently from two connections as two app instances would: no server is
 * handed to both, and an instance that died gives its servers back when its leases expire.
 */
class PollLeasesIT {

    private static String url;

    @BeforeAll
    static void schema() throws SQLException {
        url = ItEnvironment.get().createDatabase("leases_it");
        Flyway.configure().dataSource(url, "ipmimon", "ipmimon").cleanDisabled(false).load().clean();
        Flyway.configure().dataSource(url, "ipmimon", "ipmimon").load().migrate();
        try (Connection c = connect(); var s = c.createStatement()) {
            s.execute("insert into server (bmc_ip, server_name) select '127.90.0.' || g, 'srv' || g from generate_series(1, 20) g");
            s.execute("insert into server_status (server_id) select id from server");
        }
    }

    @Test
    void concurrentInstancesNeverShareAServerAndDeadLeasesComeBack() throws Exception {
        CyclicBarrier together = new CyclicBarrier(2);
        var a = CompletableFuture.supplyAsync(() -> claimAfter(together, "instance-a", 15));
        var b = CompletableFuture.supplyAsync(() -> claimAfter(together, "instance-b", 15));
        List<Long> fromA = a.get();
        List<Long> fromB = b.get();

        Set<Long> union = new HashSet<>(fromA);
        union.addAll(fromB);
        assertEquals(fromA.size() + fromB.size(), union.size(), "a server was leased twice: " + fromA + " / " + fromB);
        assertEquals(20, union.size());
        assertTrue(claim("instance-c", 20).isEmpty(), "live leases and fresh polls must not be handed out again");

        try (Connection c = connect(); var s = c.createStatement()) {
            // instance a died: its leases ran out and its servers became due
            s.executeUpdate("update server_status set lease_until = now() - interval '1 second',"
                    + " last_attempt_at = now() - interval '1 hour' where lease_owner = 'instance-a'");
        }
        assertEquals(new HashSet<>(fromA), new HashSet<>(claim("instance-c", 20)));
    }

    /** The interval with its fraction (PollScheduler claims half a tick early): 57.5 s is not 57 s, nor 58. */
    @Test
    void aServerIsDueOnceItsIntervalToTheMillisecondHasPassed() throws SQLException {
        try (Connection c = connect(); var s = c.createStatement()) {
            s.executeUpdate("update server_status set lease_until = null, lease_owner = null,"
                    + " last_attempt_at = now() + interval '1 hour'");
            s.executeUpdate("update server_status set last_attempt_at = now() - interval '57.8 seconds'"
                    + " where server_id = (select min(id) from server)");
            s.executeUpdate("update server_status set last_attempt_at = now() - interval '57.2 seconds'"
                    + " where server_id = (select max(id) from server)");
        }
        List<Long> claimed = claim("instance-d", 20, PollScheduler.dueAfter(Duration.ofSeconds(60)));
        try (Connection c = connect(); var s = c.createStatement();
             var rs = s.executeQuery("select min(id) from server")) {
            rs.next();
            assertEquals(List.of(rs.getLong(1)), claimed);
        } finally {
            try (Connection c = connect(); var s = c.createStatement()) {
                // as @BeforeAll left them, for the other test
                s.executeUpdate("update server_status set lease_until = null, lease_owner = null, last_attempt_at = null");
            }
        }
    }

    /** First reads have collector slots of their own (PollDispatcher): their claim hands out only those. */
    @Test
    void theFirstReadClaimHandsOutOnlyServersWhoseSelWasNeverRead() throws SQLException {
        List<Long> neverRead = new ArrayList<>();
        try (Connection c = connect(); var s = c.createStatement()) {
            s.executeUpdate("update server_status set lease_until = null, lease_owner = null, last_attempt_at = null,"
                    + " sel_entries = 5");
            try (var rs = s.executeQuery("update server_status set sel_entries = null where server_id in"
                    + " (select id from server order by id desc limit 3) returning server_id")) {
                while (rs.next()) {
                    neverRead.add(rs.getLong(1));
                }
            }
        }
        try {
            assertEquals(new HashSet<>(neverRead), new HashSet<>(claim(PollLeases.CLAIM_FIRST_READS, "instance-e", 20,
                    Duration.ofSeconds(300))));
            assertEquals(17, claim("instance-e", 20).size(), "the other claim still hands out every due server");
        } finally {
            try (Connection c = connect(); var s = c.createStatement()) {
                s.executeUpdate("update server_status set lease_until = null, lease_owner = null, last_attempt_at = null,"
                        + " sel_entries = null");
            }
        }
    }

    private static List<Long> claimAfter(CyclicBarrier barrier, String owner, int limit) {
        try {
            barrier.await();
            return claim(owner, limit);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Long> claim(String owner, int limit) throws SQLException {
        return claim(owner, limit, Duration.ofSeconds(300));
    }

    private static List<Long> claim(String owner, int limit, Duration interval) throws SQLException {
        return claim(PollLeases.CLAIM, owner, limit, interval);
    }

    private static List<Long> claim(String sql, String owner, int limit, Duration interval) throws SQLException {
        // the JPA query numbers its parameters ?1..?4 in order of appearance
        try (Connection c = connect(); var q = c.prepareStatement(sql.replaceAll("\\?\\d", "?"))) {
            q.setDouble(1, PollLeases.seconds(interval));
            q.setInt(2, limit);
            q.setString(3, owner);
            q.setDouble(4, 600);
            List<Long> ids = new ArrayList<>();
            try (var rs = q.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            return ids;
        }
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(url, "ipmimon", "ipmimon");
    }
}
