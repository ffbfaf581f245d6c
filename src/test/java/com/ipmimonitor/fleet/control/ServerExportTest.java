package com.ipmimonitor.fleet.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ServerExportTest {

    private static final String TRICKY_NOTE = "PSU = replaced # twice, \"quoted\" \\ path\nsecond line\ttab ";

    private static final List<ServerSpec> FLEET = List.of(
            new ServerSpec("192.168.1.100", null, "server-01", "192.168.1.101", true, false, null, null, null, null, 0),
            new ServerSpec("10.0.0.5", 6230, "gpu-node-02", null, false, true, "operator", "hunter2hunter2ab", 17,
                    TRICKY_NOTE, 0),
            new ServerSpec("bmc07.example.com", 623, " Rack 7 [top] #1 ", "fe80::7", true, false, "", "pw", 0, "", 0),
            // names that cannot be a section header as they are: taken, the one-line section, empty-looking
            new ServerSpec("10.0.0.8", null, "server-01", null, true, false, null, null, 3, null, 0),
            new ServerSpec("fe80::9", null, "servers", null, true, false, null, null, null, "  leading and trailing  ", 0),
            new ServerSpec("10.0.0.10", null, "=", null, true, false, null, null, null, "é ü ✓", 0),
            // Redfish BMCs: the protocol and a multi-line PEM CA bundle go out and come back
            new ServerSpec("10.0.0.11", 8443, "idrac-11", null, true, false, "root", null, null, null, 0, "redfish",
                    ServerInputTest.pem()),
            new ServerSpec("10.0.0.12", null, "mixed-12", null, true, false, null, null, null, null, 0, "auto", null));

    private static List<ServerSpec> exported(List<ServerSpec> servers) {
        return servers.stream().map(ServerSpec::exported).toList();
    }

    @Test
    void iniRoundTripKeepsEverythingButThePassword() {
        String ini = ServerExport.toIni(FLEET);
        ImportResult back = ServerImport.parse(ini, "ini");

        assertEquals(List.of(), back.errors(), ini);
        assertEquals(exported(FLEET), exported(back.servers()), ini);
        assertEquals(TRICKY_NOTE, back.servers().get(1).notes());
    }

    @Test
    void jsonRoundTripKeepsEverythingButThePassword() {
        String json = ServerExport.toJson(FLEET);
        ImportResult back = ServerImport.parse(json, "json");

        assertEquals(List.of(), back.errors(), json);
        assertEquals(exported(FLEET), exported(back.servers()), json);
    }

    @Test
    void autoDetectionRecognisesBothExports() {
        assertEquals(exported(FLEET), exported(ServerImport.parse(ServerExport.toIni(FLEET), null).servers()));
        assertEquals(exported(FLEET), exported(ServerImport.parse(ServerExport.toJson(FLEET), null).servers()));
    }

    @Test
    void passwordIsImportedButNeverExported() {
        ImportResult imported = ServerImport.parse("[a]\nbmc_ip = 10.0.0.1\nipmi_pass = Secret-Pass-123\n", "ini");
        assertEquals("Secret-Pass-123", imported.servers().get(0).ipmiPass());

        for (String export : List.of(ServerExport.toIni(imported.servers()), ServerExport.toJson(imported.servers()),
                ServerExport.toIni(FLEET), ServerExport.toJson(FLEET))) {
            assertFalse(export.contains("Secret-Pass-123"), export);
            assertFalse(export.contains("hunter2"), export);
            assertFalse(export.contains("ipmi_pass"), export);
        }
        assertEquals(null, ServerImport.parse(ServerExport.toIni(imported.servers()), "ini").servers().get(0).ipmiPass());
    }

    @Test
    void iniIsReadableAndQuotesOnlyWhatNeedsIt() {
        String ini = ServerExport.toIni(FLEET.subList(0, 2));

        assertTrue(ini.contains("""
                [server-01]
                bmc_ip = 192.168.1.100
                server_ip = 192.168.1.101
                enabled = true
                use_nvidia_password = false
                """), ini);
        assertTrue(ini.contains("""
                [gpu-node-02]
                bmc_ip = 10.0.0.5
                port = 6230
                enabled = false
                use_nvidia_password = true
                ipmi_user = operator
                cipher_suite = 17
                notes = "PSU = replaced # twice, \\"quoted\\" \\\\ path\\nsecond line\\ttab "
                """), ini);
    }

    @Test
    void namesThatCannotBeSectionsGoInServerName() {
        String ini = ServerExport.toIni(FLEET);

        assertTrue(ini.contains("[bmc07.example.com]\nbmc_ip = bmc07.example.com\nport = 623\nserver_name = \" Rack 7 [top] #1 \"\n"), ini);
        assertTrue(ini.contains("[10.0.0.8]\nbmc_ip = 10.0.0.8\nserver_name = server-01\n"), ini);
        assertTrue(ini.contains("[fe80::9]\nbmc_ip = fe80::9\nserver_name = servers\n"), ini);
        assertTrue(ini.contains("[10.0.0.10]\nbmc_ip = 10.0.0.10\nserver_name = \"=\"\n"), ini);
        assertFalse(ini.contains("[servers]"), ini);
    }

    @Test
    void jsonIsThePlainArrayOfTheOriginalWithItsFieldsAlwaysThere() {
        String json = ServerExport.toJson(FLEET.subList(0, 1));

        assertEquals("""
                [
                    {
                        "bmc_ip": "192.168.1.100",
                        "server_name": "server-01",
                        "server_ip": "192.168.1.101",
                        "enabled": true,
                        "use_nvidia_password": false,
                        "notes": null
                    }
                ]
                """, json);
    }

    @Test
    void emptyFleetExportsAndImportsAsNothing() {
        assertEquals(new ImportResult(List.of(), List.of()), ServerImport.parse(ServerExport.toIni(List.of()), null));
        assertEquals(new ImportResult(List.of(), List.of()), ServerImport.parse(ServerExport.toJson(List.of()), null));
    }

    @Test
    void theProtocolIsWrittenOnlyWhenItIsNotIpmi() {
        String ini = ServerExport.toIni(FLEET);
        assertTrue(ini.contains("protocol = redfish\n") && ini.contains("protocol = auto\n"), ini);
        assertEquals(2, ini.split("protocol =", -1).length - 1, "IPMI servers export as before: " + ini);
        assertTrue(ServerExport.toJson(FLEET).contains("\"protocol\": \"redfish\""));
        assertFalse(ServerExport.toJson(FLEET.subList(0, 6)).contains("protocol"));
    }
}
