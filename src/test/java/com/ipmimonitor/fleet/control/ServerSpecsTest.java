package com.ipmimonitor.fleet.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ipmimonitor.fleet.entity.Server;
import org.junit.jupiter.api.Test;

class ServerSpecsTest {

    private static Server known() {
        Server s = new Server("10.0.0.1", "node-1");
        s.setBmcPort(6230);
        s.setServerIp("10.1.0.1");
        s.setIpmiUser("ops");
        s.setIpmiPassword("stored-secret");
        s.setCipherSuite(17);
        s.setNotes("rack 1");
        s.setEnabled(false);
        s.setNvidia(true);
        return s;
    }

    @Test
    void anImportedEntryChangesWhatItGivesAndKeepsWhatItLeavesOut() {
        Server s = ServerSpecs.update(known(), new ServerSpec("10.0.0.1", null, "10.0.0.1", null, true, false, null, null,
                null, "rack 2", 3));
        assertEquals("node-1", s.getName(), "a name that is only the address is no name");
        assertEquals("rack 2", s.getNotes());
        assertTrue(s.isEnabled());
        assertFalse(s.isNvidia());
        assertEquals(6230, s.getBmcPort());
        assertEquals("10.1.0.1", s.getServerIp());
        assertEquals("ops", s.findIpmiUser().orElseThrow());
        assertEquals("stored-secret", s.findIpmiPassword().orElseThrow());
        assertEquals(17, s.findCipherSuite().orElseThrow());
    }

    @Test
    void everyFieldTheEntryGivesIsTaken() {
        Server s = ServerSpecs.update(known(), new ServerSpec("10.0.0.1", 623, "renamed", "10.1.0.9", false, true, "root",
                "new-secret", 3, "n", 1));
        assertEquals("renamed", s.getName());
        assertEquals(623, s.getBmcPort());
        assertEquals("10.1.0.9", s.getServerIp());
        assertEquals("root", s.findIpmiUser().orElseThrow());
        assertEquals("new-secret", s.findIpmiPassword().orElseThrow());
        assertEquals(3, s.findCipherSuite().orElseThrow());
    }

    @Test
    void protocolAndCaBundleAreSetOnImportAndKeptWhenTheFileLeavesThemOut() {
        com.ipmimonitor.fleet.entity.Server added = ServerSpecs.toServer(new ServerSpec("10.0.0.1", null, "a", null,
                true, false, null, null, null, null, 0, "redfish", ServerInputTest.pem()));
        assertEquals(com.ipmimonitor.fleet.entity.BmcProtocol.REDFISH, added.getProtocol());
        assertEquals(java.util.Optional.of(ServerInputTest.pem()), added.findCaBundle());
        ServerSpecs.update(added, new ServerSpec("10.0.0.1", null, "a", null, true, false, null, null, null, null, 0));
        assertEquals(com.ipmimonitor.fleet.entity.BmcProtocol.REDFISH, added.getProtocol(), "not in the file: kept");
        assertEquals(java.util.Optional.of(ServerInputTest.pem()), added.findCaBundle());
        ServerSpecs.update(added, new ServerSpec("10.0.0.1", null, "a", null, true, false, null, null, null, null, 0,
                "ipmi", ""));
        assertEquals(com.ipmimonitor.fleet.entity.BmcProtocol.IPMI, added.getProtocol());
        assertEquals(java.util.Optional.empty(), added.findCaBundle(), "blank removes the bundle");
        assertEquals(com.ipmimonitor.fleet.entity.BmcProtocol.IPMI, ServerSpecs.toServer(new ServerSpec("10.0.0.2",
                null, "b", null, true, false, null, null, null, null, 0)).getProtocol(), "default");
    }
}
