package com.ipmimonitor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A BMC that stops answering mid-life (its simulator frozen with SIGSTOP, like a wedged BMC): it is classified
 * and shown per server, the rest of the fleet keeps its poll interval, and it recovers by itself when it answers
 * again.
 */
class HungBmcIT {

    private final ItEnvironment env = ItEnvironment.get();

    @Test
    void aHungBmcIsClassifiedWhileTheRestOfTheFleetKeepsItsIntervalAndItRecovers() throws Exception {
        SimulatedBmc hung = env.bmc("empty-sel");
        long pid = Long.parseLong(Files.readString(env.workDir().resolve("fleet").resolve(hung.name()).resolve("sim.pid")).strip());
        Instant frozenAt = Instant.now();
        signal("STOP", pid);
        try {
            env.post("/api/collect?bmc_ip=" + hung.host(), null, true);
            awaitOutcome(hung, Set.of("UNREACHABLE", "TIMEOUT"));
            JsonObject server = Json.object(env.get("/api/servers/" + hung.host()).body());
            assertTrue(!server.getBoolean("is_reachable"), server.toString());
            assertTrue(!server.isNull("last_error"), "the error is shown per server: " + server);
            // two poll intervals (20 s each) later, every other answering BMC was polled again
            Thread.sleep(45_000);
            Set<String> polled = polledSince(frozenAt);
            for (SimulatedBmc other : env.fleet()) {
                if (other != hung && !other.note().equals("unreachable") && !other.note().contains("wrong-password")) {
                    assertTrue(polled.contains(other.host()), other.name() + " was not polled while " + hung.name() + " hung");
                }
            }
        } finally {
            signal("CONT", pid);
        }
        env.post("/api/collect?bmc_ip=" + hung.host(), null, true);
        awaitOutcome(hung, Set.of("OK"));
        assertEquals("OK", Json.object(env.get("/api/servers/" + hung.host()).body()).getString("last_outcome"));
    }

    private Set<String> polledSince(Instant since) throws Exception {
        Set<String> hosts = new HashSet<>();
        try (var db = env.appDatabase(); var q = db.prepareStatement("select distinct s.bmc_ip from collection_run r"
                + " join server s on s.id = r.server_id where r.started_at > ? and r.outcome = 'OK'")) {
            q.setTimestamp(1, Timestamp.from(since));
            var rs = q.executeQuery();
            while (rs.next()) {
                hosts.add(rs.getString(1));
            }
        }
        return hosts;
    }

    private void awaitOutcome(SimulatedBmc bmc, Set<String> outcomes) {
        for (int i = 0; i < 240; i++) {
            JsonObject server = Json.object(env.get("/api/servers/" + bmc.host()).body());
            if (outcomes.contains(server.getString("last_outcome", ""))) {
                return;
            }
            ItEnvironment.sleep(500);
        }
        throw new AssertionError(bmc.name() + " never reached " + outcomes);
    }

    private static void signal(String signal, long pid) throws Exception {
        Process kill = new ProcessBuilder(List.of("kill", "-" + signal, String.valueOf(pid))).inheritIO().start();
        assertTrue(kill.waitFor(10, TimeUnit.SECONDS) && kill.exitValue() == 0, "kill -" + signal + " " + pid);
    }
}
