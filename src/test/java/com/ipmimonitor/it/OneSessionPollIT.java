package com.ipmimonitor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ipmimonitor.ipmi.SdrElistParser;
import com.ipmimonitor.ipmi.SdrEntry;
import com.ipmimonitor.ipmi.SdrTypesParser;
import com.ipmimonitor.ipmi.SensorListParser;
import com.ipmimonitor.ipmi.SensorRow;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 18 against a real ipmi_sim and the real ipmitool, which the shared app runs through a wrapper that logs each
 * run's start and arguments (ItEnvironment.ipmitoolRuns). A steady-state poll is one ipmitool run, its sensors equal
 * what `ipmitool sensor` prints for the same BMC, an SDR change rebuilds the SDR cache, and DCMI (which ipmi_sim
 * lacks) is asked once. A first poll is two runs: the probe, the SEL. The runs of a poll are those
 * that started between its start and its end (collection_run).
 */
class OneSessionPollIT {

    private static final ItEnvironment env = ItEnvironment.get();
    // outside the fleet's addresses (SIM_NET.0.x) and EventTextDifferentialIT's (SIM_NET.2.1)
    private static final SimulatedBmc BMC = new SimulatedBmc("onesession", ItEnvironment.SIM_NET + ".3.1", 6230,
            "admin", "secret", 20, "on", "one-session", 6231);
    private static Process sim;

    @BeforeAll
    static void simulatedBmcOfItsOwn() throws IOException {
        sim = env.startOwnSimulator(BMC, "onesession-sim", 18);
        env.register(env.baseUrl(), List.of(BMC));
    }

    @AfterAll
    static void stopSim() {
        try {
            env.removeServer(BMC.host());
        } finally {
            if (sim != null) {
                sim.destroy();
            }
        }
    }

    @Test
    void oneIpmitoolRunPerSteadyStatePollWithTheSensorsOfIpmitoolSensorAndACacheRebuiltOnSdrChange() throws Exception {
        awaitPolls(1); // the first poll, due at registration: SDR names, cache, firmware, DCMI
        Path cache = env.workDir().resolve("app-data/sdr-cache").resolve(BMC.host() + "_" + BMC.port() + ".sdr");
        assertTrue(Files.isRegularFile(cache), "no SDR cache at " + cache);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(cache)));
        long cacheSize = Files.size(cache);
        List<String> first = runsOf(polls().get(0));
        assertTrue(first.stream().anyMatch(r -> r.contains(" sdr dump ")), "first poll built the cache: " + first);
        // the probe (mc info, dcmi power reading, sdr dump and sdr elist in its session), then the SEL's 20 records;
        // before: sdr dump, sdr elist, -v sdr elist, mc info and dcmi power reading in runs of their own, 7 in all
        assertEquals(2, first.size(), "ipmitool runs of a first poll: " + first);
        assertTrue(first.get(0).contains(" -v exec ") && first.get(0).contains(" mc info ")
                && first.get(0).contains(" dcmi power reading ") && first.get(0).contains(" sdr elist "), first.get(0));
        // what the runs of their own gave: the names of `sdr elist`, the types of `-v sdr elist`, the readings
        assertSdrNamesEqualIpmitoolsListings();
        assertSensorsEqualIpmitoolSensor();

        int steadyFrom = pollNow(2) - 1;
        pollNow(3);
        for (Poll p : polls().subList(steadyFrom, polls().size())) {
            List<String> runs = runsOf(p);
            assertEquals(1, runs.size(), "ipmitool runs of a steady-state poll: " + runs);
            assertTrue(runs.get(0).contains(" -S " + cache + " ") && runs.get(0).contains(" exec "), runs.get(0));
        }
        assertSensorsEqualIpmitoolSensor();

        // an SDR change: one more record (an OEM record, so the sensors stay the same)
        env.simConsole(BMC, "main_sdr_add 0x20 0x00 0x00 0x51 0xc0 0x05 0x57 0x01 0x00 0xaa 0xbb");
        Instant injected = Instant.now();
        int before = polls().size();
        pollNow(before + 1);
        Poll changedPoll = polls().stream().filter(p -> p.start().isAfter(injected)).findFirst().orElseThrow();
        List<String> changed = runsOf(changedPoll);
        assertTrue(changed.stream().anyMatch(r -> r.contains(" sdr dump ")), "cache not rebuilt: " + changed);
        assertEquals(cacheSize + 10, Files.size(cache), "the rebuilt cache holds the added record");
        pollNow(polls().size() + 1);
        Poll last = polls().get(polls().size() - 1);
        assertEquals(1, runsOf(last).size(), "steady again after the change: " + runsOf(last));
        assertSensorsEqualIpmitoolSensor();

        List<String> dcmi = runs().stream().filter(r -> r.contains(" -H " + BMC.host() + " ") && r.contains(" dcmi "))
                .toList();
        assertEquals(1, dcmi.size(), "DCMI asked once in " + polls().size() + " polls: " + dcmi);
    }

    /** The stored SDR names: number, name and entity as `ipmitool sdr elist` lists them, type as `-v sdr elist`. */
    private static void assertSdrNamesEqualIpmitoolsListings() {
        Map<Integer, Integer> types = SdrTypesParser.parse(env.ipmitool(BMC, "-v", "sdr", "elist"));
        List<String> expected = SdrElistParser.parse(env.ipmitool(BMC, "sdr", "elist")).stream()
                .collect(Collectors.toMap(SdrEntry::sensorNumber, e -> e, (a, b) -> a)).values().stream()
                .map(e -> e.sensorNumber() + "|" + e.name() + "|" + e.entity() + "|" + types.get(e.sensorNumber()))
                .sorted().toList();
        List<String> stored = new ArrayList<>();
        try (var db = env.appDatabase(); var q = db.prepareStatement("select n.sensor_number, n.sensor_name, n.entity,"
                + " n.sensor_type from sdr_name n join server s on s.id = n.server_id where s.bmc_ip = ?")) {
            q.setString(1, BMC.host());
            try (var rs = q.executeQuery()) {
                while (rs.next()) {
                    Object type = rs.getObject(4);
                    stored.add(rs.getInt(1) + "|" + rs.getString(2) + "|" + rs.getString(3) + "|" + type);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        assertEquals(25, expected.size(), expected.toString());
        assertEquals(expected, stored.stream().sorted().toList());
    }

    /** Every sensor the app stored has the value, status and thresholds `ipmitool sensor` prints now. */
    private static void assertSensorsEqualIpmitoolSensor() {
        Map<String, SensorRow> expected = SensorListParser.parse(env.ipmitool(BMC, "sensor")).stream()
                .collect(Collectors.toMap(SensorRow::name, Function.identity()));
        var stored = Json.array(env.getAsAdmin("/api/sensors/" + BMC.host()).body());
        assertEquals(expected.size(), stored.size(), stored.toString());
        for (var value : stored) {
            JsonObject s = value.asJsonObject();
            SensorRow row = expected.get(s.getString("sensor_name"));
            assertTrue(row != null, "not in ipmitool sensor: " + s);
            if (!row.discrete()) {
                assertEquals(row.value().getAsDouble(), s.getJsonNumber("value").doubleValue(), 1e-9, s.toString());
                assertEquals(row.status(), s.getString("status"), s.toString());
                assertEquals(row.ucr().isPresent() ? row.ucr().getAsDouble() : null,
                        s.isNull("upper_critical") ? null : s.getJsonNumber("upper_critical").doubleValue(), s.toString());
                assertEquals(row.lcr().isPresent() ? row.lcr().getAsDouble() : null,
                        s.isNull("lower_critical") ? null : s.getJsonNumber("lower_critical").doubleValue(), s.toString());
            }
        }
    }

    /** Asks for a poll and waits until there are n OK polls; the number of OK polls then. */
    private static int pollNow(int n) {
        env.post("/api/collect?bmc_ip=" + BMC.host(), null, true);
        awaitPolls(n);
        return polls().size();
    }

    private static void awaitPolls(int n) {
        ItEnvironment.await(n + " OK polls of " + BMC.host(), 120, () -> polls().size() >= n);
    }

    private record Poll(Instant start, Instant end) {
    }

    private static List<Poll> polls() {
        try (var db = env.appDatabase(); var q = db.prepareStatement("select r.started_at, r.duration_ms"
                + " from collection_run r join server s on s.id = r.server_id where s.bmc_ip = ? and r.outcome = 'OK'"
                + " order by r.started_at")) {
            q.setString(1, BMC.host());
            List<Poll> polls = new ArrayList<>();
            try (var rs = q.executeQuery()) {
                while (rs.next()) {
                    Instant start = rs.getTimestamp(1).toInstant();
                    polls.add(new Poll(start, start.plusMillis(rs.getLong(2) + 1)));
                }
            }
            return polls;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The runs against this BMC that started while the poll ran. */
    private static List<String> runsOf(Poll poll) {
        return runs().stream().filter(r -> r.contains(" -H " + BMC.host() + " ")).filter(r -> {
            Instant at = Instant.ofEpochMilli(Math.round(Double.parseDouble(r.substring(0, r.indexOf(' '))) * 1000));
            return !at.isBefore(poll.start().minusMillis(5)) && !at.isAfter(poll.end().plusMillis(5));
        }).toList();
    }

    private static List<String> runs() {
        try {
            return Files.exists(env.ipmitoolRuns()) ? Files.readAllLines(env.ipmitoolRuns()) : List.of();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
