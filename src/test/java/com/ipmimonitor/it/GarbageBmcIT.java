package com.ipmimonitor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ipmimonitor.it.GarbageBmc.Answer;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A BMC address that answers every request with garbage: each poll is classified by what came back and shown per
 * server, nothing is stored for it, nothing is logged as an unexpected error, and the rest of the fleet keeps its
 * poll interval.
 */
class GarbageBmcIT {

    private final ItEnvironment env = ItEnvironment.get();
    private final PollWatch polls = new PollWatch(env);

    @Test
    void garbageAnswersAreClassifiedPerServerWhileTheRestOfTheFleetKeepsItsInterval() throws Exception {
        // a free address of the sim network (the sims use .0.2 and up), on the sims' port
        SimulatedBmc garbage = new SimulatedBmc("garbage", ItEnvironment.SIM_NET + ".0.200", env.fleet().get(0).port(),
                "admin", "secret", -1, "-", "garbage", -1);
        long logStart = env.appLogLength();
        Instant began = Instant.now();
        try (GarbageBmc bmc = new GarbageBmc(garbage.host(), garbage.port(), Answer.RANDOM_BYTES)) {
            env.register(env.baseUrl(), List.of(garbage));
            // ipmitool drops what is not RMCP, so random bytes look like silence to it
            assertClassified(garbage, "UNREACHABLE", "Unable to establish IPMI v2 / RMCP+ session");

            bmc.answerWith(Answer.ASF_PONG_WITHOUT_IPMI);
            assertClassified(garbage, "PROTOCOL_ERROR", "IPMI NOT Supported");

            // ipmitool prints the same for this as for a real BMC's late answers over a slow link: no answer in time
            bmc.answerWith(Answer.OPEN_SESSION_RESPONSE_OUT_OF_TURN);
            assertClassified(garbage, "UNREACHABLE", "Unable to establish IPMI v2 / RMCP+ session");

            polls.assertRestOfFleetKeptItsInterval(began, List.of());
            assertEquals(0, storedRows("sel_event", garbage) + storedRows("sensor_reading", garbage),
                    "nothing is stored for an address that never spoke IPMI");
        } finally {
            env.removeServer(garbage.host());
        }
        // the app logs each classified failure as one INFO line: no warning, no stack trace about this server
        for (String record : env.appLogSince(logStart).split("\n(?=\\[20)")) {
            assertFalse(record.contains(garbage.host()) && !record.contains("[levelValue: 800]"), record);
        }
    }

    private void assertClassified(SimulatedBmc garbage, String outcome, String errorMentions) {
        PollWatch.Poll poll = polls.pollNow(garbage.host(), Duration.ofSeconds(60));
        assertEquals(outcome, poll.outcome(), poll.toString());
        assertTrue(poll.error().contains(errorMentions), poll.toString());
        JsonObject server = polls.server(garbage.host());
        assertEquals(outcome, server.getString("last_outcome"), server.toString());
        assertTrue(server.getString("last_error").contains(errorMentions), server.toString());
        assertFalse(server.getBoolean("is_reachable"), server.toString());
    }

    private int storedRows(String table, SimulatedBmc bmc) throws java.sql.SQLException {
        try (var db = env.appDatabase(); var q = db.prepareStatement("select count(*) from " + table
                + " t join server s on s.id = t.server_id where s.bmc_ip = ?")) {
            q.setString(1, bmc.host());
            var rs = q.executeQuery();
            rs.next();
            return rs.getInt(1);
        }
    }
}
