package com.ipmimonitor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A BMC that stops answering mid-life (its simulator frozen with SIGSTOP, like a wedged BMC): it is classified
 * and shown per server, the rest of the fleet keeps its poll interval, and it recovers by itself when it answers
 * again.
 */
class HungBmcIT {

    private final ItEnvironment env = ItEnvironment.get();
    private final PollWatch polls = new PollWatch(env);

    @Test
    void aHungBmcIsClassifiedWhileTheRestOfTheFleetKeepsItsIntervalAndItRecovers() {
        SimulatedBmc hung = env.bmc("empty-sel");
        Instant frozenAt = Instant.now();
        env.freeze(hung);
        try {
            env.post("/api/collect?bmc_ip=" + hung.host(), null, true);
            JsonObject server = polls.awaitOutcome(hung.host(), Set.of("UNREACHABLE", "TIMEOUT"));
            assertTrue(!server.getBoolean("is_reachable"), server.toString());
            assertTrue(!server.isNull("last_error"), "the error is shown per server: " + server);
            polls.assertRestOfFleetKeptItsInterval(frozenAt, List.of(hung));
        } finally {
            env.thaw(hung);
        }
        env.post("/api/collect?bmc_ip=" + hung.host(), null, true);
        polls.awaitOutcome(hung.host(), Set.of("OK"));
        assertEquals("OK", polls.server(hung.host()).getString("last_outcome"));
    }
}
