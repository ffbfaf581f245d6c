package com.ipmimonitor.fleet.control;

import com.ipmimonitor.fleet.entity.Server;

/** Between import/export specs and Server entities. */
public final class ServerSpecs {

    private ServerSpecs() {
    }

    public static Server toServer(ServerSpec spec) {
        Server server = new Server(spec.bmcIp(), spec.serverName() == null ? spec.bmcIp() : spec.serverName());
        server.setBmcPort(spec.port() == null ? Server.DEFAULT_PORT : spec.port());
        server.setServerIp(spec.serverIp());
        server.setEnabled(spec.enabled());
        server.setNvidia(spec.useNvidiaPassword());
        server.setIpmiUser(spec.ipmiUser());
        server.setIpmiPassword(spec.ipmiPass());
        server.setCipherSuite(spec.cipherSuite());
        server.setNotes(spec.notes());
        return server;
    }

    /** Never carries the password: exports are write-only for credentials. */
    public static ServerSpec of(Server s) {
        return new ServerSpec(s.getBmcIp(), s.getBmcPort() == Server.DEFAULT_PORT ? null : s.getBmcPort(), s.getName(),
                s.getServerIp(), s.isEnabled(), s.isNvidia(), s.findIpmiUser().orElse(null), null,
                s.findCipherSuite().orElse(null), s.getNotes(), 0);
    }
}
