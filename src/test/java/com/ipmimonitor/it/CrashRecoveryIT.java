package com.ipmimonitor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * kill -9 of the app while it reads two large SELs for the first time, then a restart on the same database:
 * every SEL record ends up stored exactly once, no loss (stored = what the BMC holds) and no duplicates. And an
 * orderly stop at the same moment, which hands back its leases.
 * An instance of its own on a database of its own (port 18185), so the shared app's data stays as it is.
 */
class CrashRecoveryIT {

    private static final int PORT = 18185;
    private final ItEnvironment env = ItEnvironment.get();
    private String dbUrl;

    @Test
    void aCollectionKilledHalfWayStoresEverySelRecordExactlyOnceAfterARestart() throws Exception {
        dbUrl = env.createDatabase("crash_it");
        List<SimulatedBmc> bmcs = List.of(env.bmc("large-sel"), env.bmc("sel-full"));
        AppProcess first = start("crash-first");
        long killedWhileStored;
        try {
            env.register(first.baseUrl(), bmcs);
            // kill while a poll holds a lease, i.e. in the middle of reading a SEL
            awaitTrue("a poll under way", () -> count("select count(*) from server_status where lease_owner is not null") > 0);
            killedWhileStored = count("select count(*) from sel_event");
        } finally {
            first.kill();
        }
        AppProcess second = start("crash-second");
        try {
            // the dead instance's leases run out (15 s), then the servers are polled again
            for (SimulatedBmc bmc : bmcs) {
                awaitTrue(bmc.name() + " stored in full", () -> stored(bmc) == entriesOnBmc(bmc));
            }
            for (SimulatedBmc bmc : bmcs) {
                assertEquals(entriesOnBmc(bmc), stored(bmc), bmc.name() + ": stored = what the BMC holds");
                assertEquals(0, count("select count(*) from (select record_id from sel_event e join server s on s.id = e.server_id"
                        + " where s.bmc_ip = '" + bmc.host() + "' group by record_id having count(*) > 1) d"), bmc.name() + ": duplicates");
            }
            assertTrue(killedWhileStored < stored(bmcs.get(0)) + stored(bmcs.get(1)), "the kill came before the end: "
                    + killedWhileStored);
        } finally {
            second.kill();
        }
    }

    /**
     * The other way an instance ends: stopped in order (SIGTERM) in the middle of the same first polls, with the
     * default lease (4 x the ipmitool timeout + 60 s). It hands its leases back and makes their servers due, so
     * whatever instance runs next polls them at once instead of 9 minutes later, and no ipmitool outlives it.
     */
    @Test
    void anOrderlyStopHandsBackTheLeasesOfItsPollsAndLeavesNoIpmitoolBehind() throws Exception {
        dbUrl = env.createDatabase("orderly_stop_it");
        Path dataDir = env.workDir().resolve("orderly-stop-data");
        AppProcess app = AppProcess.start(env.workDir().resolve("orderly-stop"), PORT, appConfig(dataDir));
        boolean stoppedByItself;
        try {
            env.register(app.baseUrl(), List.of(env.bmc("large-sel"), env.bmc("sel-full")));
            awaitTrue("a poll under way", () -> count("select count(*) from server_status where lease_owner is not null"
                    + " and lease_until > now() + interval '60 seconds'") > 0);
        } finally {
            stoppedByItself = app.stop();
        }
        assertTrue(stoppedByItself, "the app did not end within 60 s of SIGTERM; see " + app.log());
        assertEquals(0, count("select count(*) from server_status where lease_owner is not null or lease_until is not null"),
                "leases left after the stop");
        // handed back by the stop, not by a poll that ended (that one would leave its attempt time)
        assertTrue(count("select count(*) from server_status where last_attempt_at is null") > 0, "no server made due by the stop");
        assertEquals(List.of(), ipmitoolsOf(dataDir), "ipmitool processes of the stopped app");
    }

    /**
     * kill -9 with the default lease (9 minutes) in the middle of the same first polls. Meanwhile another instance
     * (a DATA_DIR of its own) is asked to "Collect now" a server the dead one leased: it says it must wait for that
     * lease, and whose it is, rather than "queued". Then the dead instance starts again with its DATA_DIR: it takes
     * its leases back at once and polls its servers, instead of 9 minutes later.
     */
    @Test
    void anInstanceKilledAndStartedAgainTakesBackItsLeasesAtOnce() throws Exception {
        dbUrl = env.createDatabase("kill_restart_it");
        Path dataDir = env.workDir().resolve("kill-restart-data");
        List<SimulatedBmc> bmcs = List.of(env.bmc("large-sel"), env.bmc("sel-full"));
        int port = freePort();
        String leased;
        String deadOwner;
        long deadLeases;
        AppProcess first = AppProcess.start(env.workDir().resolve("kill-restart-first"), port, appConfig(dataDir));
        try {
            env.register(first.baseUrl(), bmcs);
            awaitTrue("a poll under way", () -> count("select count(*) from server_status where lease_owner is not null"
                    + " and lease_until > now() + interval '60 seconds'") > 0);
        } finally {
            first.kill();
        }
        try (Connection db = DriverManager.getConnection(dbUrl, "ipmimon", "ipmimon"); var q = db.createStatement();
             var rs = q.executeQuery("select s.bmc_ip, st.lease_owner from server_status st join server s on s.id = st.server_id"
                     + " where st.lease_owner is not null limit 1")) {
            assertTrue(rs.next(), "a lease left by the kill");
            leased = rs.getString(1);
            deadOwner = rs.getString(2);
        }
        deadLeases = count("select count(*) from server_status where lease_owner = '" + deadOwner + "'");

        AppProcess other = AppProcess.start(env.workDir().resolve("kill-restart-other"), port,
                appConfig(env.workDir().resolve("kill-restart-other-data")));
        try {
            var collect = env.send(HttpRequest.newBuilder(URI.create(other.baseUrl() + "/api/collect?bmc_ip=" + leased))
                    .POST(HttpRequest.BodyPublishers.noBody()), true);
            assertEquals(202, collect.statusCode(), collect.body());
            assertTrue(collect.body().contains("\"status\":\"waiting\""), collect.body());
            assertTrue(collect.body().contains(deadOwner), "names the lease's owner: " + collect.body());
            assertEquals(deadLeases, count("select count(*) from server_status where lease_owner = '" + deadOwner + "'"),
                    "another instance leaves the dead one's lease alone until it expires");
        } finally {
            other.stop();
        }

        AppProcess again = AppProcess.start(env.workDir().resolve("kill-restart-again"), port, appConfig(dataDir));
        try {
            assertEquals(0, count("select count(*) from server_status where lease_owner = '" + deadOwner + "'"),
                    "the leases of the previous life, once ready");
            for (SimulatedBmc bmc : bmcs) {
                awaitTrue(bmc.name() + " stored in full", () -> stored(bmc) == entriesOnBmc(bmc));
            }
        } finally {
            again.kill();
        }
    }

    private static int freePort() throws IOException {
        try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** ipmitool processes started by the app with this data dir: the app gives each HOME=&lt;data dir&gt;/ipmitool-home. */
    private static List<Long> ipmitoolsOf(Path dataDir) {
        String home = "\0HOME=" + dataDir.resolve("ipmitool-home").toAbsolutePath() + "\0";
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().command().map(c -> c.endsWith("/ipmitool")).orElse(false))
                .filter(p -> environmentOf(p.pid()).contains(home))
                .map(ProcessHandle::pid).toList();
    }

    private static String environmentOf(long pid) {
        try {
            return "\0" + new String(Files.readAllBytes(Path.of("/proc", String.valueOf(pid), "environ")), StandardCharsets.ISO_8859_1);
        } catch (IOException gone) {
            return "";
        }
    }

    private AppProcess start(String name) throws IOException {
        Map<String, String> config = appConfig(env.workDir().resolve("crash-data"));
        config.put("COLLECTOR_LEASE_SECONDS", "15");
        return AppProcess.start(env.workDir().resolve(name), PORT, config);
    }

    private Map<String, String> appConfig(Path dataDir) {
        Map<String, String> config = new HashMap<>(env.appEnvironment(dataDir));
        config.put("DB_URL", dbUrl);
        return config;
    }


    private int entriesOnBmc(SimulatedBmc bmc) {
        Matcher m = Pattern.compile("Entries\\s*:\\s*(\\d+)").matcher(env.ipmitool(bmc, "sel", "info"));
        assertTrue(m.find(), "no entry count from the BMC");
        return Integer.parseInt(m.group(1));
    }

    private long stored(SimulatedBmc bmc) {
        return count("select count(*) from sel_event e join server s on s.id = e.server_id where s.bmc_ip = '" + bmc.host() + "'");
    }

    private long count(String sql) {
        try (Connection db = DriverManager.getConnection(dbUrl, "ipmimon", "ipmimon"); var q = db.createStatement();
             var rs = q.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void awaitTrue(String what, java.util.function.BooleanSupplier condition) {
        for (int i = 0; i < 1200; i++) {
            if (condition.getAsBoolean()) {
                return;
            }
            ItEnvironment.sleep(100);
        }
        throw new AssertionError(what + ": not within 120 s");
    }
}
