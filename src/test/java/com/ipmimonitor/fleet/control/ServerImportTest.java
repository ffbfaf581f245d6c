package com.ipmimonitor.fleet.control;

import java.time.Duration;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ServerImportTest {

    /** The sample of the original IPMI Monitor's README, from which the original imported nothing. */
    private static final String README_SAMPLE = """
            [server-01]
            bmc_ip = 192.168.1.100
            server_ip = 192.168.1.101
            enabled = true
            use_nvidia_password = false

            [gpu-node-02]
            bmc_ip = 10.0.0.5
            """;

    @Test
    void readmeSampleImportsBothServers() {
        ImportResult r = ServerImport.parse(README_SAMPLE, "ini");

        assertEquals(List.of(), r.errors());
        assertEquals(List.of(
                new ServerSpec("192.168.1.100", null, "server-01", "192.168.1.101", true, false, null, null, null, null, 1),
                new ServerSpec("10.0.0.5", null, "gpu-node-02", null, true, false, null, null, null, null, 7)),
                r.servers());
    }

    @Test
    void originalOneLineFormatInServersSection() {
        String ini = """
                # exported by the original
                [servers]
                192.168.1.100 = server-01  # Supermicro
                10.0.0.5 = dgx-a100-01   # NVIDIA DGX, 16 char password
                bmc07.example.com = storage-07
                fe80::5 =
                """;

        ImportResult r = ServerImport.parse(ini, null);

        assertEquals(List.of(), r.errors());
        assertEquals(List.of(
                new ServerSpec("192.168.1.100", null, "server-01", null, true, false, null, null, null, null, 3),
                new ServerSpec("10.0.0.5", null, "dgx-a100-01", null, true, true, null, null, null, null, 4),
                new ServerSpec("bmc07.example.com", null, "storage-07", null, true, false, null, null, null, null, 5),
                new ServerSpec("fe80::5", null, "fe80::5", null, true, false, null, null, null, null, 6)),
                r.servers());
    }

    @Test
    void everyKeyAndItsAliasesAreRead() {
        String ini = """
                [rack3-slot4]
                bmc_ip = bmc-r3s4.example.com
                PORT = 6230
                name = Rack 3 slot 4
                server_ip = 10.3.4.1
                enabled = off
                nvidia = YES
                ipmi_user = operator
                ipmi_pass = s3cret=#1
                cipher_suite = 17
                notes = PSU swapped; check fan
                """;

        ImportResult r = ServerImport.parse(ini, "ini");

        assertEquals(List.of(), r.errors());
        assertEquals(List.of(new ServerSpec("bmc-r3s4.example.com", 6230, "Rack 3 slot 4", "10.3.4.1", false, true,
                "operator", "s3cret=#1", 17, "PSU swapped; check fan", 1)), r.servers());
    }

    @ParameterizedTest
    @ValueSource(strings = {"true", "TRUE", "yes", "Yes", "1", "on", "ON"})
    void trueSpellings(String value) {
        assertTrue(ServerImport.parse("[a]\nbmc_ip = 10.0.0.1\nenabled = " + value, "ini").servers().get(0).enabled());
    }

    @ParameterizedTest
    @ValueSource(strings = {"false", "False", "no", "NO", "0", "off", "Off"})
    void falseSpellings(String value) {
        assertFalse(ServerImport.parse("[a]\nbmc_ip = 10.0.0.1\nenabled = " + value, "ini").servers().get(0).enabled());
    }

    @Test
    void quotedValuesKeepSpacesHashesAndEscapes() {
        String ini = "[a]\nbmc_ip = 10.0.0.1\nnotes = \"  x = 1 # not a comment \\\"q\\\" \\\\ \\u00e9\\nline 2 \"  # real comment\n"
                + "ipmi_user = \"\"\n";

        ServerSpec s = ServerImport.parse(ini, "ini").servers().get(0);

        assertEquals("  x = 1 # not a comment \"q\" \\ é\nline 2 ", s.notes());
        assertEquals("", s.ipmiUser());
    }

    @Test
    void bareValueEndsAtHashAfterWhitespaceOnly() {
        String ini = "[a]\r\nbmc_ip = 10.0.0.1   # the BMC\r\nnotes = slot#4 ; rack=3 # comment\r\n";

        ServerSpec s = ServerImport.parse(ini, "ini").servers().get(0);

        assertEquals("10.0.0.1", s.bmcIp());
        assertEquals("slot#4 ; rack=3", s.notes());
    }

    @Test
    void everyIniProblemIsReportedWithItsLine() {
        String ini = """
                bmc_ip = 10.0.0.9
                [ok-1]
                bmc_ip = 10.0.0.1
                [bad]
                bmc_ip = 999.1.1.1
                port = 70000
                enabled = maybe
                use_nvidia_password = false
                nvidia = true
                colour = blue
                this line has no equals sign
                cipher_suite = 18
                [no-address]
                server_ip = not an address
                [ok-2]
                bmc_ip = 10.0.0.1
                port = six
                notes = "unterminated
                [broken
                [ok-1]
                server_name = x
                cipher_suite = abc
                [quoted]
                bmc_ip = "10.0.0.3" trailing
                ipmi_user = "a\\qb"
                """;

        ImportResult r = ServerImport.parse(ini, "ini");

        assertEquals(List.of(
                "line 1: key 'bmc_ip' is outside any [section]",
                "line 5: bmc_ip must be an IPv4/IPv6 address or host name, got '999.1.1.1'",
                "line 6: port must be between 1 and 65535, got 70000",
                "line 7: enabled must be true/false, yes/no, 1/0 or on/off, got 'maybe'",
                "line 9: duplicate key 'nvidia' (use_nvidia_password already set on line 8)",
                "line 10: unknown key 'colour' (known: bmc_ip, port, server_name, server_ip, enabled, use_nvidia_password,"
                        + " ipmi_user, ipmi_pass, cipher_suite, notes, protocol, ca_bundle)",
                "line 11: expected 'key = value' or '[section]', got 'this line has no equals sign'",
                "line 12: cipher_suite must be between 0 and 17, got 18",
                "line 13: section [no-address] has no bmc_ip",
                "line 14: server_ip must be an address or host name, got 'not an address'",
                "line 17: port must be a whole number, got 'six'",
                "line 18: notes: quoted value has no closing quote",
                "line 19: malformed section header '[broken' (expected [server-name])",
                "line 20: section [ok-1] already started on line 2",
                "line 24: bmc_ip: unexpected text after the closing quote: 'trailing'",
                "line 25: ipmi_user: unknown escape '\\q' in quoted value (use \\\\ for a backslash)"),
                r.errors());
        assertEquals(List.of("ok-1"), r.servers().stream().map(ServerSpec::serverName).toList(),
                "entries with problems are left out; ok-2 fails on its port");
    }

    @Test
    void duplicateBmcInTheFileNamesBothLines() {
        String ini = """
                [a]
                bmc_ip = 10.0.0.1
                [b]
                bmc_ip = 10.0.0.2
                [servers]
                10.0.0.1 = c
                BMC01.example.com = d
                bmc01.example.com = e
                """;

        ImportResult r = ServerImport.parse(ini, "ini");

        assertEquals(List.of("line 6: bmc_ip 10.0.0.1 appears twice, on line 1 and line 6",
                "line 8: bmc_ip bmc01.example.com appears twice, on line 7 and line 8"), r.errors());
        assertEquals(List.of("a", "b", "d"), r.servers().stream().map(ServerSpec::serverName).toList());
    }

    @Test
    void serversSectionRejectsKeysThatAreNeitherFieldsNorAddresses() {
        ImportResult r = ServerImport.parse("[servers]\n10.0.0.1 = a\nnot_an_address = b\n", "ini");

        assertEquals(List.of("line 3: unknown key 'not_an_address' (known: bmc_ip, port, server_name, server_ip, enabled,"
                + " use_nvidia_password, ipmi_user, ipmi_pass, cipher_suite, notes, protocol, ca_bundle)"), r.errors());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  \n\t\n", "# only a comment\n; and another\n"})
    void emptyInputHasNoServersAndNoErrors(String text) {
        for (String format : new String[] {null, "auto", "ini"}) {
            ImportResult r = ServerImport.parse(text, format);
            assertEquals(List.of(), r.servers(), format);
            assertEquals(List.of(), r.errors(), format);
            assertTrue(r.valid());
        }
        if (text == null || text.isBlank()) {
            assertEquals(new ImportResult(List.of(), List.of()), ServerImport.parse(text, "json"));
        }
        assertEquals(new ImportResult(List.of(), List.of()), ServerImport.parse("[ ]", null));
        assertEquals(new ImportResult(List.of(), List.of()), ServerImport.parse("{\"servers\": []}", null));
    }

    @Test
    void autoDetectionTellsSectionsFromJsonArrays() {
        assertFalse(ServerImport.looksLikeJson(README_SAMPLE));
        assertFalse(ServerImport.looksLikeJson("[10.0.0.5]\nbmc_ip = 10.0.0.5"));
        assertFalse(ServerImport.looksLikeJson("# [{ comment\n[a]"));
        assertTrue(ServerImport.looksLikeJson("  \n[\n  {\"bmc_ip\": \"10.0.0.1\"}]"));
        assertTrue(ServerImport.looksLikeJson("[]"));
        assertTrue(ServerImport.looksLikeJson("\uFEFF{\"servers\": []}"));

        assertEquals(List.of("server-01", "gpu-node-02"),
                ServerImport.parse(README_SAMPLE, "auto").servers().stream().map(ServerSpec::serverName).toList());
        assertEquals(List.of("j"), ServerImport.parse("[{\"bmc_ip\": \"10.0.0.1\", \"server_name\": \"j\"}]", null)
                .servers().stream().map(ServerSpec::serverName).toList());
    }

    @Test
    void explicitFormatWinsOverDetection() {
        ImportResult r = ServerImport.parse(README_SAMPLE, "JSON");

        assertEquals(List.of(), r.servers());
        assertEquals(1, r.errors().size());
        assertTrue(r.errors().get(0).startsWith("line 1: malformed JSON (column "), r.errors().get(0));
    }

    @Test
    void unknownFormatIsTheCallersBug() {
        assertThrows(IllegalArgumentException.class, () -> ServerImport.parse("[a]", "yaml"));
    }

    @Test
    void jsonObjectForm() {
        String json = """
                {"servers": [
                  {"bmc_ip": "192.168.1.100", "server_name": "server-01", "server_ip": "192.168.1.101",
                   "enabled": true, "use_nvidia_password": false, "port": 623, "cipher_suite": 3,
                   "ipmi_user": "admin", "ipmi_pass": "pw", "notes": "rack 1"},
                  {"bmc_ip": "10.0.0.5", "use_nvidia_password": "yes", "port": "6230", "ipmi_user": null}
                ]}
                """;

        ImportResult r = ServerImport.parse(json, null);

        assertEquals(List.of(), r.errors());
        assertEquals(List.of(
                new ServerSpec("192.168.1.100", 623, "server-01", "192.168.1.101", true, false, "admin", "pw", 3, "rack 1", 2),
                new ServerSpec("10.0.0.5", 6230, "10.0.0.5", null, true, true, null, null, null, null, 5)),
                r.servers());
    }

    @Test
    void jsonArrayFormOfTheOriginalExport() {
        String json = """
                [
                  {"bmc_ip": "192.168.1.100", "server_name": "server-01", "enabled": 1},
                  {"bmc_ip": "10.0.0.5", "server_name": "gpu-node-02", "use_nvidia_password": true}
                ]
                """;

        ImportResult r = ServerImport.parse(json, "json");

        assertEquals(List.of(), r.errors());
        assertEquals(List.of(
                new ServerSpec("192.168.1.100", null, "server-01", null, true, false, null, null, null, null, 2),
                new ServerSpec("10.0.0.5", null, "gpu-node-02", null, true, true, null, null, null, null, 3)),
                r.servers());
    }

    @Test
    void everyJsonProblemIsReportedWithItsLine() {
        String json = """
                {"servers": [
                  {"bmc_ip": "10.0.0.1", "server_name": "a"},
                  {"bmc_ip": "10.0.0.1", "colour": "blue",
                   "port": 1.5, "cipher_suite": -1, "enabled": "maybe"},
                  "10.0.0.3",
                  {"server_name": "no address", "notes": {"nested": true}},
                  {"bmc_ip": "10.0.0.4", "bmc_ip": "10.0.0.5"}
                 ],
                 "version": 2}
                """;

        ImportResult r = ServerImport.parse(json, null);

        assertEquals(List.of(
                "line 3: unknown key 'colour' (known: bmc_ip, port, server_name, server_ip, enabled, use_nvidia_password,"
                        + " ipmi_user, ipmi_pass, cipher_suite, notes, protocol, ca_bundle)",
                "line 4: port must be a whole number, got '1.5'",
                "line 4: cipher_suite must be a whole number, got '-1'",
                "line 4: enabled must be true/false, yes/no, 1/0 or on/off, got 'maybe'",
                "line 5: a server must be an object",
                "line 6: notes: must be a string, number or boolean",
                "line 6: entry 4 has no bmc_ip",
                "line 7: duplicate key 'bmc_ip' (bmc_ip already set on line 7)",
                "line 9: unknown key 'version' (expected only \"servers\")"),
                r.errors());
        assertEquals(List.of("a"), r.servers().stream().map(ServerSpec::serverName).toList());
    }

    @Test
    void jsonDuplicateBmcNamesBothLines() {
        ImportResult r = ServerImport.parse("[\n{\"bmc_ip\": \"10.0.0.1\"},\n\n{\"bmc_ip\": \"10.0.0.1\"}]", null);

        assertEquals(List.of("line 4: bmc_ip 10.0.0.1 appears twice, on line 2 and line 4"), r.errors());
    }

    @Test
    void malformedJsonIsOneErrorWithTheParsersLocation() {
        ImportResult r = ServerImport.parse("[\n  {\"bmc_ip\": \"10.0.0.1\",}\n]", null);

        assertEquals(List.of(), r.servers());
        assertEquals(List.of("line 2: malformed JSON (column 25): Invalid token=CURLYCLOSE. Expected tokens are: [STRING]"),
                r.errors());
    }

    @Test
    void jsonThatIsNeitherArrayNorServersObject() {
        assertEquals(List.of("line 1: no \"servers\" array in the object"), ServerImport.parse("{}", null).errors());
        assertEquals(List.of("line 1: servers must be an array", "line 1: no \"servers\" array in the object"),
                ServerImport.parse("{\"servers\": {}}", null).errors());
        assertEquals(List.of("line 1: expected an array of servers or {\"servers\": [...]}"),
                ServerImport.parse("\"10.0.0.1\"", "json").errors());
    }

    @Test
    void jsonThatEndsInsideASkippedArrayIsMalformedNotAnEndlessLoop() {
        for (String text : List.of("[ [", "[ [1,", "{\"servers\": [ [] ", "{\"version\": {", "[{\"notes\": [")) {
            ImportResult r = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> ServerImport.parse(text, "json"), text);
            assertEquals(1, r.errors().size(), text);
            assertTrue(r.errors().get(0).startsWith("line 1: malformed JSON"), r.errors().get(0));
        }
    }

    @Test
    void deeplyNestedJsonIsMalformedNotARuntimeException() {
        ImportResult r = ServerImport.parse("[" + "[".repeat(5000), "json");

        assertEquals(List.of("line 1: malformed JSON (column 103): arrays or objects nested more than 100 deep"), r.errors());
    }

    @Test
    void valuesTheDatabaseCannotStoreAreErrorsOnTheirLines() {
        String ini = "[a]\nbmc_ip = 10.0.0.1\nipmi_user = " + "u".repeat(65) + "\nnotes = \"nul \\u0000\"\n"
                + "ipmi_pass = \"\\u0000\"\nserver_name = \"b\\u0000\"\n";

        assertEquals(List.of("line 3: ipmi_user is longer than 64 characters",
                "line 4: notes must not contain a NUL character (\\u0000)",
                "line 5: ipmi_pass must not contain a NUL character (\\u0000)",
                "line 6: server_name must not contain a NUL character (\\u0000)"), ServerImport.parse(ini, "ini").errors());
    }

    @Test
    void protocolIsReadFromIniAndJsonAndAWrongOneRefusesTheWholeFileWithItsLine() {
        ImportResult ini = ServerImport.parse("[a]\nbmc_ip = 10.0.0.1\nprotocol = redfish\n[b]\nbmc_ip = 10.0.0.2\n",
                "ini");
        assertEquals(List.of(), ini.errors());
        assertEquals("redfish", ini.servers().get(0).protocol());
        assertEquals(null, ini.servers().get(1).protocol(), "not given: ipmi for a new server, kept on update");
        ImportResult json = ServerImport.parse("[{\"bmc_ip\": \"10.0.0.1\", \"protocol\": \"auto\"}]", "json");
        assertEquals("auto", json.servers().get(0).protocol());

        ImportResult wrong = ServerImport.parse("[a]\nbmc_ip = 10.0.0.1\n[b]\nbmc_ip = 10.0.0.2\nprotocol = snmp\n",
                "ini");
        assertFalse(wrong.valid(), "FleetChanges imports nothing of an invalid file");
        assertEquals(List.of("line 5: protocol must be ipmi, redfish or auto, got 'snmp'"), wrong.errors());
    }
}
