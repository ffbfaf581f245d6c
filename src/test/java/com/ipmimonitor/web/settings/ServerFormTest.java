package com.ipmimonitor.web.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.ipmimonitor.fleet.entity.BmcProtocol;
import com.ipmimonitor.fleet.entity.Server;
import org.junit.jupiter.api.Test;

class ServerFormTest {

    @Test
    void aNewServerIsReadOverIpmiWithoutCaBundle() {
        ServerForm form = new ServerForm();
        assertEquals("ipmi", form.getProtocol());
        assertEquals(BmcProtocol.IPMI, form.bmcProtocol());
        assertNull(form.getCaBundle());
    }

    @Test
    void editingShowsTheServersProtocolAndCaBundle() {
        Server s = new Server("10.0.0.5", "ilo-05");
        s.setProtocol(BmcProtocol.REDFISH);
        s.setCaBundle("-----BEGIN CERTIFICATE-----\n...\n-----END CERTIFICATE-----\n");
        ServerForm form = ServerForm.of(s);
        assertEquals("redfish", form.getProtocol());
        assertEquals(BmcProtocol.REDFISH, form.bmcProtocol());
        assertEquals(s.findCaBundle().orElseThrow(), form.getCaBundle());
    }

    @Test
    void aForgedProtocolReadsAsTheDefault() {
        ServerForm form = new ServerForm();
        form.setProtocol("AUTO ");
        assertEquals(BmcProtocol.AUTO, form.bmcProtocol());
        form.setProtocol("telnet");
        assertEquals(BmcProtocol.IPMI, form.bmcProtocol());
    }
}
