package com.ipmimonitor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * every SEL record ends up stored exactly once, no loss (stored = what the BMC holds) and no duplicates.
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

    private AppProcess start(String name) throws java.io.IOException {
        Map<String, String> config = new HashMap<>(env.appEnvironment(env.workDir().resolve("crash-data")));
        config.put("DB_URL", dbUrl);
        config.put("COLLECTOR_LEASE_SECONDS", "15");
        return AppProcess.start(env.workDir().resolve(name), PORT, config);
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
