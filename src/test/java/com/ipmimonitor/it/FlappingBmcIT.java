package com.ipmimonitor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * A BMC that flaps between answering and not (its simulator frozen and thawed, SIGSTOP / SIGCONT): every poll is
 * classified by the state the BMC was in at that moment, the server's outcome follows, an event the BMC logged
 * while it was up is stored exactly once across the flaps, and the rest of the fleet keeps its interval.
 */
class FlappingBmcIT {

    private static final int FLAPS = 3;
    private static final Duration ONE_POLL = Duration.ofSeconds(60);

    private final ItEnvironment env = ItEnvironment.get();
    private final PollWatch polls = new PollWatch(env);

    @Test
    void eachPollIsClassifiedByTheStateOfTheMomentAndEventsAreStoredOnce() throws Exception {
        SimulatedBmc flapping = env.fleet().stream().filter(b -> b.note().equals("normal")).findFirst().orElseThrow();
        // its first poll has read the SEL it started with: from now on only what it logs is new
        polls.awaitOutcome(flapping.host(), Set.of("OK"));
        Instant began = Instant.now();
        for (int flap = 1; flap <= FLAPS; flap++) {
            // up: it logs an event (System Event, Info, on sensor 0x60 + flap so each one can be told apart)
            env.simConsole(flapping, "sel_add 0x20 0x02 0 0 0 0 0x20 0x00 0x04 0x12 0x%02x 0x6f 0x00 0xff 0xff"
                    .formatted(0x60 + flap));
            assertEquals("OK", polls.pollNow(flapping.host(), ONE_POLL).outcome(), "flap " + flap + ", up");
            assertTrue(polls.server(flapping.host()).getBoolean("is_reachable"));

            env.freeze(flapping);
            try {
                PollWatch.Poll down = polls.pollNow(flapping.host(), ONE_POLL);
                assertTrue(Set.of("UNREACHABLE", "TIMEOUT").contains(down.outcome()), "flap " + flap + ", down: " + down);
                JsonObject server = polls.server(flapping.host());
                assertEquals(down.outcome(), server.getString("last_outcome"), server.toString());
                assertFalse(server.getBoolean("is_reachable"), server.toString());
                assertFalse(server.isNull("last_error"), server.toString());
            } finally {
                env.thaw(flapping);
            }
        }
        assertEquals("OK", polls.pollNow(flapping.host(), ONE_POLL).outcome(), "up again after the last flap");
        Map<Integer, Integer> oncePerFlap = IntStream.rangeClosed(1, FLAPS).boxed().collect(Collectors.toMap(f -> 0x60 + f, f -> 1));
        assertEquals(oncePerFlap, eventsStoredSince(flapping, began),
                "each event the BMC logged, stored once, and nothing else");
        polls.assertRestOfFleetKeptItsInterval(began, List.of(flapping));
    }

    /** Sensor number -> how many events of it were stored since. */
    private Map<Integer, Integer> eventsStoredSince(SimulatedBmc bmc, Instant since) throws java.sql.SQLException {
        Map<Integer, Integer> stored = new TreeMap<>();
        try (var db = env.appDatabase(); var q = db.prepareStatement("select e.sensor_number, count(*) from sel_event e"
                + " join server s on s.id = e.server_id where s.bmc_ip = ? and e.collected_at > ? group by e.sensor_number")) {
            q.setString(1, bmc.host());
            q.setTimestamp(2, Timestamp.from(since));
            var rs = q.executeQuery();
            while (rs.next()) {
                stored.put(rs.getInt(1), rs.getInt(2));
            }
        }
        return stored;
    }
}
