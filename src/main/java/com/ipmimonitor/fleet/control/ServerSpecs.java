package com.ipmimonitor.fleet.control;

import com.ipmimonitor.fleet.entity.BmcProtocol;
import com.ipmimonitor.fleet.entity.Server;
import java.util.Optional;

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
        server.setProtocol(protocolOf(spec).orElse(BmcProtocol.IPMI));
        server.setCaBundle(blankToNull(spec.caBundle()));
        return server;
    }

    /**
     * A known server changed to what an import file says of it. Name, enabled and the NVIDIA flag take the file's
     * values (or their defaults); what the file leaves out (port, server_ip, ipmi_user, ipmi_pass, cipher_suite,
     * notes) is kept, so re-importing an export (which has no passwords) never drops a stored password. A name that
     * is only the address is the importer's default for "no name given", so it keeps the stored name.
     */
    public static Server update(Server server, ServerSpec spec) {
        if (spec.serverName() != null && !spec.serverName().equals(spec.bmcIp())) {
            server.setName(spec.serverName());
        }
        server.setEnabled(spec.enabled());
        server.setNvidia(spec.useNvidiaPassword());
        if (spec.port() != null) { server.setBmcPort(spec.port()); }
        if (spec.serverIp() != null) { server.setServerIp(spec.serverIp()); }
        if (spec.ipmiUser() != null) { server.setIpmiUser(spec.ipmiUser()); }
        if (spec.ipmiPass() != null) { server.setIpmiPassword(spec.ipmiPass()); }
        if (spec.cipherSuite() != null) { server.setCipherSuite(spec.cipherSuite()); }
        if (spec.notes() != null) { server.setNotes(spec.notes()); }
        protocolOf(spec).ifPresent(server::setProtocol);
        if (spec.caBundle() != null) { server.setCaBundle(blankToNull(spec.caBundle())); }
        return server;
    }

    private static Optional<BmcProtocol> protocolOf(ServerSpec spec) {
        return BmcProtocol.findByCode(spec.protocol());
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    /** Never carries the password: exports are write-only for credentials. */
    public static ServerSpec of(Server s) {
        return new ServerSpec(s.getBmcIp(), s.getBmcPort() == Server.DEFAULT_PORT ? null : s.getBmcPort(), s.getName(),
                s.getServerIp(), s.isEnabled(), s.isNvidia(), s.findIpmiUser().orElse(null), null,
                s.findCipherSuite().orElse(null), s.getNotes(), 0,
                s.getProtocol() == BmcProtocol.IPMI ? null : s.getProtocol().code(), s.findCaBundle().orElse(null));
    }
}
