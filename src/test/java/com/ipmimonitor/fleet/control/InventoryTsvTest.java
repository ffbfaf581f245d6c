package com.ipmimonitor.fleet.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.ipmimonitor.fleet.entity.BmcProtocol;
import com.ipmimonitor.fleet.entity.Server;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The inventory printed by src/test/bmcsim/fleet.sh inventory. */
class InventoryTsvTest {

    private static final String INVENTORY = """
            name\thost\tport\tuser\tpassword\tsel_entries\tpower\tnote\tconsole_port
            bmc001\t127.77.0.2\t6230\tadmin\tsecret\t23\ton\tnormal\t6231
            bmc002\t127.77.0.3\t6230\tadmin\tsecret\t1291\ton\tlarge-sel\t6231
            bmc004\t127.77.0.5\t6230\tadmin\tsecret\t0\toff\tsupermicro-oem,power-off\t6231
            bmc-unreach\t127.77.9.254\t6230\tadmin\tsecret\t-\t-\tunreachable\t-
            """;

    @Test
    void headerIsSkippedAndEveryRowBecomesAServer() {
        List<Server> servers = InventoryTsv.parse(INVENTORY);

        assertEquals(List.of("bmc001", "bmc002", "bmc004", "bmc-unreach"), servers.stream().map(Server::getName).toList());
    }

    @Test
    void rowFieldsMapToAddressPortCredentialsAndNote() {
        Server s = InventoryTsv.parse(INVENTORY).get(0);

        assertEquals("127.77.0.2", s.getBmcIp());
        assertEquals(6230, s.getBmcPort());
        assertEquals(Optional.of("admin"), s.findIpmiUser());
        assertEquals(Optional.of("secret"), s.findIpmiPassword());
        assertEquals("simulated BMC: normal", s.getNotes());
        assertEquals(Optional.empty(), s.findCipherSuite());
    }

    @Test
    void noteKeepsCommaSeparatedFlagsAndUnreachableRowIsKept() {
        List<Server> servers = InventoryTsv.parse(INVENTORY);

        assertEquals("simulated BMC: supermicro-oem,power-off", servers.get(2).getNotes());
        Server unreach = servers.get(3);
        assertEquals("127.77.9.254", unreach.getBmcIp());
        assertEquals(6230, unreach.getBmcPort());
        assertEquals("simulated BMC: unreachable", unreach.getNotes());
    }

    @Test
    void portsModeRowsOnOneAddressDifferByPort() {
        String tsv = "name\thost\tport\tuser\tpassword\tsel_entries\tpower\tnote\tconsole_port\n"
                + "bmc001\t127.0.0.1\t9001\tadmin\tsecret\t23\ton\tnormal\t19001\n"
                + "bmc002\t127.0.0.1\t9002\tadmin\tsecret\t40\ton\twrong-password\t19002\n";

        List<Server> servers = InventoryTsv.parse(tsv);

        assertEquals(List.of(9001, 9002), servers.stream().map(Server::getBmcPort).toList());
        assertEquals(List.of("127.0.0.1", "127.0.0.1"), servers.stream().map(Server::getBmcIp).toList());
    }

    @Test
    void blankAndShortLinesAreIgnored() {
        String tsv = "name\thost\tport\tuser\tpassword\n\n   \nbroken\t10.0.0.1\n"
                + "bmc009\t127.77.0.10\t6230\tmonitor\tmonpass\n";

        List<Server> servers = InventoryTsv.parse(tsv);

        assertEquals(1, servers.size());
        assertEquals("bmc009", servers.get(0).getName());
        assertEquals(Optional.of("monitor"), servers.get(0).findIpmiUser());
        assertEquals(Optional.of("monpass"), servers.get(0).findIpmiPassword());
        assertEquals("simulated BMC", servers.get(0).getNotes(), "a row without a note column");
    }

    @Test
    void emptyInventoryGivesNoServers() {
        assertEquals(List.of(), InventoryTsv.parse(""));
        assertEquals(List.of(), InventoryTsv.parse("name\thost\tport\tuser\tpassword\tsel_entries\tpower\tnote\tconsole_port\n"));
    }

    @Test
    void rowsCarryEveryColumnTheSimulatorWritesForTheItsToo() {
        List<InventoryRow> rows = InventoryTsv.rows(INVENTORY);

        assertEquals(new InventoryRow(3, "bmc002", "127.77.0.3", "6230", "admin", "secret", Optional.of("1291"),
                Optional.of("on"), Optional.of("large-sel"), Optional.of("6231")), rows.get(1));
        assertEquals(Optional.of("-"), rows.get(3).consolePort(), "an unreachable BMC has no console");
        InventoryRow short_ = InventoryTsv.rows("bmc009\t127.77.0.10\t6230\tmonitor\tmonpass\n").get(0);
        assertEquals(List.of(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()),
                List.of(short_.selEntries(), short_.power(), short_.note(), short_.consolePort()));
    }

    @Test
    void anInventoryWithoutProtocolColumnIsAllIpmi() {
        var loaded = InventoryTsv.load(INVENTORY);

        assertEquals(List.of(), loaded.errors());
        assertEquals(List.of(BmcProtocol.IPMI), loaded.servers().stream().map(Server::getProtocol).distinct().toList());
    }

    /** scripts/run.sh appends its Redfish simulators with a tenth column; "-" and an empty column mean ipmi. */
    @Test
    void theOptionalProtocolColumnSetsHowEachBmcIsRead() {
        String tsv = "name\thost\tport\tuser\tpassword\tsel_entries\tpower\tnote\tconsole_port\tprotocol\n"
                + "bmc001\t127.77.0.1\t6230\tadmin\tsecret\t23\ton\tnormal\t6231\t-\n"
                + "rf-dell\t127.77.8.1\t8443\troot\tcalvin\t5000\ton\tredfish-dell\t-\tredfish\n"
                + "rf-any\t127.77.8.4\t8443\troot\tcalvin\t-\t-\tredfish-auto\t-\tAuto\n"
                + "bmc002\t127.77.0.2\t6230\tadmin\tsecret\t10\ton\tnormal\t6231\n";

        var loaded = InventoryTsv.load(tsv);

        assertEquals(List.of(), loaded.errors());
        assertEquals(List.of(BmcProtocol.IPMI, BmcProtocol.REDFISH, BmcProtocol.AUTO, BmcProtocol.IPMI),
                loaded.servers().stream().map(Server::getProtocol).toList());
        assertEquals(8443, loaded.servers().get(1).getBmcPort());
        assertEquals(Optional.of("redfish"), InventoryTsv.rows(tsv).get(1).protocol());
        assertEquals(loaded.servers().stream().map(Server::getName).toList(),
                InventoryTsv.parse(tsv).stream().map(Server::getName).toList());
    }

    @Test
    void anUnknownProtocolLeavesTheRowOutAndSaysWhy() {
        String tsv = "rf-x\t127.77.8.9\t8443\troot\tcalvin\t-\t-\tnote\t-\ttelnet\n"
                + "bmc001\t127.77.0.1\t6230\tadmin\tsecret\t23\ton\tnormal\t6231\n";

        var loaded = InventoryTsv.load(tsv);

        assertEquals(List.of("bmc001"), loaded.servers().stream().map(Server::getName).toList());
        assertEquals(List.of("line 1: protocol must be ipmi, redfish or auto, got 'telnet'"), loaded.errors());
        assertEquals(loaded.errors(), InventoryTsv.read(tsv).errors());
    }
}
