package com.ipmimonitor.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the fault tests watch: how each poll of a server ended (as stored in collection_run, one row per poll) and
 * whether the rest of the fleet kept its poll interval meanwhile.
 */
final class PollWatch {

    /** The shared app polls every 20 s with a 5 s timer tick: two intervals and a tick. */
    static final Duration TWO_INTERVALS = Duration.ofSeconds(45);

    private final ItEnvironment env;

    PollWatch(ItEnvironment env) {
        this.env = env;
    }

    /** One stored poll. */
    record Poll(String outcome, String error, long durationMs) {
    }

    /** The first poll of the server that started after since, once it has ended. */
    Poll awaitPollStartedAfter(String bmcIp, Instant since, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<Poll> poll = firstPollStartedAfter(bmcIp, since);
            if (poll.isPresent()) {
                return poll.get();
            }
            ItEnvironment.sleep(500);
        }
        throw new AssertionError("no poll of " + bmcIp + " started after " + since + " ended within " + within);
    }

    /** Asks for a poll now and waits for it: the classification of the BMC as it is at this moment. */
    Poll pollNow(String bmcIp, Duration within) {
        Instant asked = Instant.now();
        env.post("/api/collect?bmc_ip=" + bmcIp, null, true);
        return awaitPollStartedAfter(bmcIp, asked, within);
    }

    JsonObject awaitOutcome(String bmcIp, Set<String> outcomes) {
        for (int i = 0; i < 240; i++) {
            JsonObject server = server(bmcIp);
            if (outcomes.contains(server.getString("last_outcome", ""))) {
                return server;
            }
            ItEnvironment.sleep(500);
        }
        throw new AssertionError(bmcIp + " never reached " + outcomes);
    }

    JsonObject server(String bmcIp) {
        return Json.object(env.get("/api/servers/" + bmcIp).body());
    }

    /**
     * Checks that every BMC of the fleet that answers (not the silent address, not the wrong password) and is not one
     * of the faulty ones is polled successfully within two poll intervals of the fault's beginning: waits until they
     * all were, and fails if two intervals pass first.
     */
    void assertRestOfFleetKeptItsInterval(Instant faultBegan, List<SimulatedBmc> faulty) {
        Set<String> expected = new HashSet<>();
        for (SimulatedBmc other : env.fleet()) {
            if (!faulty.contains(other) && !other.note().equals("unreachable") && !other.note().contains("wrong-password")) {
                expected.add(other.host());
            }
        }
        Instant deadline = faultBegan.plus(TWO_INTERVALS);
        Set<String> polled = polledOkSince(faultBegan);
        while (!polled.containsAll(expected) && Instant.now().isBefore(deadline)) {
            ItEnvironment.sleep(500);
            polled = polledOkSince(faultBegan);
        }
        for (SimulatedBmc other : env.fleet()) {
            if (expected.contains(other.host())) {
                assertTrue(polled.contains(other.host()), other.name() + " was not polled within two intervals of the fault");
            }
        }
    }

    /** Every stored poll of the server, oldest first. */
    List<Poll> pollsOf(String bmcIp) {
        List<Poll> polls = new java.util.ArrayList<>();
        try (var db = env.appDatabase(); var q = db.prepareStatement("select r.outcome, r.error, r.duration_ms"
                + " from collection_run r join server s on s.id = r.server_id where s.bmc_ip = ? order by r.started_at")) {
            q.setString(1, bmcIp);
            var rs = q.executeQuery();
            while (rs.next()) {
                polls.add(new Poll(rs.getString(1), rs.getString(2), rs.getLong(3)));
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return polls;
    }

    /** The servers with an OK poll started after since. */
    Set<String> polledOkSince(Instant since) {
        Set<String> hosts = new HashSet<>();
        try (var db = env.appDatabase(); var q = db.prepareStatement("select distinct s.bmc_ip from collection_run r"
                + " join server s on s.id = r.server_id where r.started_at > ? and r.outcome = 'OK'")) {
            q.setTimestamp(1, Timestamp.from(since));
            var rs = q.executeQuery();
            while (rs.next()) {
                hosts.add(rs.getString(1));
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return hosts;
    }

    private Optional<Poll> firstPollStartedAfter(String bmcIp, Instant since) {
        try (var db = env.appDatabase(); var q = db.prepareStatement("select r.outcome, r.error, r.duration_ms"
                + " from collection_run r join server s on s.id = r.server_id where s.bmc_ip = ? and r.started_at > ?"
                + " order by r.started_at limit 1")) {
            q.setString(1, bmcIp);
            q.setTimestamp(2, Timestamp.from(since));
            var rs = q.executeQuery();
            return rs.next() ? Optional.of(new Poll(rs.getString(1), rs.getString(2), rs.getLong(3))) : Optional.empty();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
