package com.ipmimonitor.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ipmimonitor.collection.control.ElistColumns;
import com.ipmimonitor.events.entity.SelEvent;
import jakarta.json.JsonArray;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Differential decode on a live simulated BMC of its own: records of every kind are added to its SEL, the app
 * polls it, and what it stored is compared column by column with ipmitool's own `sel elist` of the same SEL:
 * threshold events on temperature, voltage (fractions) and fan sensors with every combination of reading and
 * threshold present, generic and sensor-specific discrete events, OEM records with and without a timestamp.
 */
class EventTextDifferentialIT {

    private static final ItEnvironment env = ItEnvironment.get();
    // outside the fleet's addresses (SIM_NET.0.x)
    private static final SimulatedBmc BMC = new SimulatedBmc("eventtext", ItEnvironment.SIM_NET + ".2.1", 6230,
            "admin", "secret", 20, "on", "event-text", 6231);
    private static final List<String> INJECTED = List.of(
            // threshold: 12V (m=6, r_exp=-2) with event data 1 = 0x52/0x12/0x42/0x02, a deassertion; 3.3VCC going high
            "sel_add 0x20 0x02 0 0 0 0 0x20 0x00 0x04 0x02 0x20 0x01 0x52 178 180",
            "sel_add 0x20 0x02 0 0 0 0 0x20 0x00 0x04 0x02 0x20 0x01 0x12 178 180",
            "sel_add 0x20 0x02 0 0 0 0 0x20 0x00 0x04 0x02 0x20 0x01 0x42 178 180",
            "sel_add 0x20 0x02 0 0 0 0 0x20 0x00 0x04 0x02 0x20 0x01 0x02 178 180",
            "sel_add 0x20 0x02 0 0 0 0 0x20 0x00 0x04 0x02 0x20 0x81 0x52 185 180",
            "sel_add 0x20 0x02 0 0 0 0 0x20 0x00 0x04 0x02 0x22 0x01 0x59 200 186",
            "sel_add 0x20 0x02 0 0 0 0 0x20 0x00 0x04 0x01 0x01 0x01 0x59 91 90",
            "sel_add 0x20 0x02 0 0 0 0 0x20 0x00 0x04 0x04 0x11 0x01 0x52 4 5",
            // generic discrete (redundancy lost) and sensor-specific (memory on sensor 0: "CPU n DIMM m")
            "sel_add 0x20 0x02 0 0 0 0 0x20 0x00 0x04 0x08 0x41 0x0b 0x01 0xff 0xff",
            "sel_add 0x20 0x02 0 0 0 0 0x20 0x00 0x04 0x0c 0x00 0x6f 0xa0 0x00 0x21",
            // OEM: timestamped, non-timestamped, then a timed record after it
            "sel_add 0x20 0xdf 0 0 0 0 0x57 0x01 0x00 0xaa 0xbb 0xcc 0xdd 0xee 0xff",
            "sel_add 0x20 0xe5 1 2 3 4 5 6 7 8 9 10 11 12 13",
            "sel_add 0x20 0x02 0 0 0 0 0x20 0x00 0x04 0x0c 0x50 0x6f 0xa0 0x00 0x01");
    private static Process sim;

    @BeforeAll
    static void simulatedBmcWithEveryKindOfRecord() throws IOException {
        sim = env.startOwnSimulator(BMC, "eventtext-sim", 3);
        env.simConsole(BMC, INJECTED.toArray(String[]::new));
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
    void storedEventsSayWhatIpmitoolSays() throws SQLException {
        Map<String, ElistColumns> ipmitool = env.ipmitool(BMC, "sel", "elist").lines().map(ElistColumns::parse)
                .collect(Collectors.toMap(ElistColumns::id, Function.identity()));
        assertEquals(BMC.selEntries() + INJECTED.size(), ipmitool.size());
        env.post("/api/collect?bmc_ip=" + BMC.host(), null, true);
        ItEnvironment.await("the app storing " + ipmitool.size() + " events", 90, () -> stored().size() == ipmitool.size());

        List<SelEvent> stored = stored();
        assertAll(stored.stream().map(e -> () -> {
            ElistColumns expected = ipmitool.get(Integer.toHexString(e.getRecordId()));
            ElistColumns actual = ElistColumns.of(e);
            String where = "record " + expected.id() + " (" + e.getRawHex() + ")";
            assertEquals(expected.date(), actual.date(), where + " date");
            assertEquals(expected.time(), actual.time(), where + " time");
            assertEquals(expected.description(), actual.description(), where + " description");
            assertEquals(expected.direction(), actual.direction(), where + " direction");
            assertEquals(expected.detail(), actual.detail(), where + " detail");
            if (expected.sensorUnresolved()) {
                assertTrue(actual.sensor().startsWith(expected.sensorType().orElseThrow()), where + " sensor type");
            } else {
                assertEquals(expected.sensor(), actual.sensor(), where + " sensor");
            }
        }));
        assertTrue(stored.stream().filter(e -> e.findDetail().orElse("").startsWith("Reading ")).count() >= 10,
                "threshold events of the generated SEL and the injected ones carry their reading");
    }

    @Test
    void aRecordWithoutTimestampIsListedInRecordOrderNeverAsTheNewest() throws SQLException {
        env.post("/api/collect?bmc_ip=" + BMC.host(), null, true);
        ItEnvironment.await("the app storing the SEL", 90, () -> stored().size() == BMC.selEntries() + INJECTED.size());
        // the generated SEL holds records 0x11 (OEM c1, timed), 0x12 (OEM e0, no timestamp), 0x13 (timed)
        var response = env.get("/api/server/" + BMC.host() + "/events?limit=1000");
        assertEquals(200, response.statusCode(), response.body());
        JsonArray events = Json.array(response.body());
        List<String> summaries = events.stream().map(v -> v.asJsonObject().getString("summary")).toList();
        int e0 = summaries.indexOf("OEM record e0 | 101112131415161718191a1b1c");
        int c1 = summaries.indexOf("OEM record c1 | 002a7c | deadbeef0102");
        assertTrue(e0 > 0 && c1 == e0 + 1, "newest first: the e0 record just above the record before it; " + summaries);
        assertTrue(events.getJsonObject(e0).isNull("event_date"), events.getJsonObject(e0).toString());
        // the export: no date, no direction (the generated SEL spans 30 days)
        String csv = env.get("/api/events/export.csv?server=" + BMC.host() + "&hours=" + 24 * 40).body();
        String line = csv.lines().filter(l -> l.contains("OEM record e0")).findFirst().orElseThrow(() -> new AssertionError(csv));
        // Commons CSV quotes an empty first field
        assertTrue(line.startsWith("\"\",") && line.contains(",OEM record e0,,"), line);
    }

    private static List<SelEvent> stored() {
        try (Connection db = env.appDatabase(); PreparedStatement q = db.prepareStatement("""
                select e.record_id, e.record_type, e.event_time, e.bmc_timestamp, e.pre_init, e.sensor_type,
                       e.sensor_type_code, e.sensor_number, e.sensor_name, e.event_type_code, e.event_offset,
                       e.deassertion, e.description, e.detail, e.raw_hex, e.fingerprint, e.collected_at
                  from sel_event e join server s on s.id = e.server_id where s.bmc_ip = ? order by e.record_id""")) {
            q.setString(1, BMC.host());
            List<SelEvent> events = new ArrayList<>();
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    events.add(new SelEvent(1L, r.getInt(1), r.getInt(2), r.getObject(3, OffsetDateTime.class),
                            (Long) r.getObject(4), r.getBoolean(5), r.getString(6), (Integer) r.getObject(7),
                            (Integer) r.getObject(8), r.getString(9), (Integer) r.getObject(10),
                            (Integer) r.getObject(11), r.getBoolean(12), r.getString(13), r.getString(14),
                            r.getString(15), r.getString(16), r.getObject(17, OffsetDateTime.class)));
                }
            }
            return events;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
