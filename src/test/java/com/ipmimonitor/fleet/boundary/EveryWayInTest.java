package com.ipmimonitor.fleet.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ipmimonitor.fleet.control.InventoryTsv;
import com.ipmimonitor.fleet.control.ServerInput;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One table of bad servers, sent every way a server gets in: POST /api/servers/add and PUT (JSON text), the
 * import as JSON and as INI, the settings dialog (typed fields, as ServerForm hands them on) and the demo
 * inventory. Every way refuses each of them with a problem that starts with the field's name, and writes nothing.
 */
class EveryWayInTest {

    private static final String LONG_NOTE = "n".repeat(ServerInput.MAX_NOTES + 1);

    /** A bad value, as a JSON member, as an INI line, and (when the form can hold it) as a typed request change. */
    record Bad(String field, String json, String ini, Consumer<ServerRequest> typed) {
        @Override
        public String toString() {
            return field + " " + (json.length() > 60 ? json.substring(0, 60) + "…" : json);
        }
    }

    static Stream<Arguments> badServers() {
        return Stream.of(
                new Bad("bmc_ip", "\"bmc_ip\":[\"10.9.0.1\"]", null, null),
                new Bad("bmc_ip", "\"bmc_ip\":{\"v\":1}", null, null),
                new Bad("bmc_ip", "\"bmc_ip\":\"" + "a".repeat(300) + "\"", "bmc_ip = " + "a".repeat(300),
                        r -> r.bmcIp = "a".repeat(300)),
                new Bad("port", "\"port\":1.5", "port = 1.5", null),
                new Bad("port", "\"port\":\"six\"", "port = six", null),
                new Bad("port", "\"port\":70000", "port = 70000", r -> r.port = 70000),
                new Bad("port", "\"port\":[623]", null, null),
                new Bad("use_nvidia_password", "\"use_nvidia_password\":\"maybe\"", "use_nvidia_password = maybe", null),
                new Bad("enabled", "\"enabled\":\"sometimes\"", "enabled = sometimes", null),
                new Bad("cipher_suite", "\"cipher_suite\":2.5", "cipher_suite = 2.5", null),
                new Bad("server_name", "\"server_name\":\"" + "s".repeat(256) + "\"", "server_name = " + "s".repeat(256),
                        r -> r.serverName = "s".repeat(256)),
                new Bad("server_ip", "\"server_ip\":\"" + "a".repeat(256) + "\"", "server_ip = " + "a".repeat(256),
                        r -> r.serverIp = "a".repeat(256)),
                new Bad("ipmi_user", "\"ipmi_user\":\"" + "u".repeat(65) + "\"", "ipmi_user = " + "u".repeat(65),
                        r -> r.ipmiUser = "u".repeat(65)),
                new Bad("ipmi_pass", "\"ipmi_pass\":\"" + "p".repeat(129) + "\"", "ipmi_pass = " + "p".repeat(129),
                        r -> r.ipmiPass = "p".repeat(129)),
                new Bad("notes", "\"notes\":\"" + LONG_NOTE + "\"", "notes = " + LONG_NOTE, r -> r.notes = LONG_NOTE),
                new Bad("notes", "\"notes\":[\"a\"]", null, null),
                new Bad("protocol", "\"protocol\":\"snmp\"", "protocol = snmp", r -> r.protocol = "snmp"),
                new Bad("protocol", "\"protocol\":[\"redfish\"]", null, null),
                new Bad("ca_bundle", "\"ca_bundle\":\"not a certificate\"", "ca_bundle = not a certificate",
                        r -> r.caBundle = "not a certificate"),
                new Bad("ssh_port", "\"ssh_port\":0", "ssh_port = 0", null),
                new Bad("ssh_key", "\"ssh_key\":\"" + "k".repeat(ServerInput.MAX_SSH_KEY + 1) + "\"", null, null),
                new Bad("unknown key 'colour'", "\"colour\":\"red\"", "colour = red", null))
                .map(Arguments::of);
    }

    @ParameterizedTest
    @MethodSource("badServers")
    void apiAddRefusesAndNamesTheField(Bad bad) {
        FleetChangesFuzzTest.RecordingServers db = new FleetChangesFuzzTest.RecordingServers();
        FleetChangeRejected refused = assertThrows(FleetChangeRejected.class,
                () -> changes(db).add(ServerRequest.fromJson(object(bad))));
        assertNamed(bad, refused);
        assertEquals(List.of(), db.writes);
    }

    @ParameterizedTest
    @MethodSource("badServers")
    void apiPutRefusesAndNamesTheField(Bad bad) {
        FleetChangesFuzzTest.RecordingServers db = new FleetChangesFuzzTest.RecordingServers();
        FleetChangeRejected refused = assertThrows(FleetChangeRejected.class,
                () -> changes(db).update("10.0.0.1", ServerRequest.fromJson("{" + bad.json() + "}")));
        assertNamed(bad, refused);
        assertEquals(List.of(), db.writes);
    }

    @ParameterizedTest
    @MethodSource("badServers")
    void jsonImportRefusesAndNamesTheField(Bad bad) {
        FleetChangesFuzzTest.RecordingServers db = new FleetChangesFuzzTest.RecordingServers();
        String file = "{\"servers\":[" + object(bad) + "]}";
        FleetChangeRejected refused = assertThrows(FleetChangeRejected.class, () -> changes(db).importText(file, "json"));
        assertNamed(bad, refused);
        assertEquals(List.of(), db.writes);
    }

    @ParameterizedTest
    @MethodSource("badServers")
    void iniImportRefusesAndNamesTheField(Bad bad) {
        if (bad.ini() == null) {
            return; // INI has no arrays or objects
        }
        FleetChangesFuzzTest.RecordingServers db = new FleetChangesFuzzTest.RecordingServers();
        String file = bad.field().equals("bmc_ip") ? "[s]\n" + bad.ini() + "\n" : "[s]\nbmc_ip = 10.9.0.2\n" + bad.ini() + "\n";
        FleetChangeRejected refused = assertThrows(FleetChangeRejected.class, () -> changes(db).importText(file, "ini"));
        assertNamed(bad, refused);
        assertEquals(List.of(), db.writes);
    }

    /** The settings dialog: JSF has typed port and flags already; lengths and ranges are checked here. */
    @ParameterizedTest
    @MethodSource("badServers")
    void settingsFormRefusesAndNamesTheField(Bad bad) {
        if (bad.typed() == null) {
            return; // a typed field cannot hold it
        }
        FleetChangesFuzzTest.RecordingServers db = new FleetChangesFuzzTest.RecordingServers();
        ServerRequest request = new ServerRequest();
        request.bmcIp = "10.9.0.2";
        bad.typed().accept(request);
        FleetChangeRejected add = assertThrows(FleetChangeRejected.class, () -> changes(db).add(request));
        assertNamed(bad, add);
        FleetChangeRejected edit = assertThrows(FleetChangeRejected.class, () -> changes(db).update("10.0.0.1", request));
        assertNamed(bad, edit);
        assertEquals(List.of(), db.writes);
    }

    @ParameterizedTest
    @MethodSource("badServers")
    void demoInventoryLeavesTheRowOut(Bad bad) {
        if (bad.typed() == null || List.of("server_name", "server_ip", "protocol", "ca_bundle").contains(bad.field())) {
            return; // the inventory has columns for address, port, user, password and note only
        }
        ServerRequest r = new ServerRequest();
        r.bmcIp = "10.9.0.2";
        r.port = 623;
        r.ipmiUser = "admin";
        r.ipmiPass = "secret";
        r.notes = "normal";
        bad.typed().accept(r);
        String tsv = String.join("\t", "bmc1", r.bmcIp, String.valueOf(r.port), r.ipmiUser, r.ipmiPass, "0", "on", r.notes)
                + "\n";
        var read = InventoryTsv.read(tsv);
        assertEquals(List.of(), read.servers());
        assertTrue(read.errors().stream().anyMatch(e -> e.startsWith("line 1: " + bad.field())), read.errors().toString());
    }

    /** A server with the bad value, and a good address unless the address is what is bad. */
    private static String object(Bad bad) {
        return bad.field().equals("bmc_ip") ? "{" + bad.json() + "}" : "{\"bmc_ip\":\"10.9.0.2\"," + bad.json() + "}";
    }

    private static void assertNamed(Bad bad, FleetChangeRejected refused) {
        assertEquals(com.ipmimonitor.rest.ChangeRejected.Reason.INVALID, refused.reason());
        assertTrue(refused.details().stream().anyMatch(d -> d.replaceFirst("^line \\d+: ", "").startsWith(bad.field())),
                bad + " -> " + refused.details());
        assertTrue(refused.details().stream().allMatch(d -> d.length() < 300), "a message repeats the value: " + refused.details());
    }

    private static FleetChanges changes(Servers db) {
        FleetChanges changes = new FleetChanges();
        changes.servers = db;
        return changes;
    }
}
