package com.ipmimonitor.fleet.control;

/**
 * One server as an import file describes it, before it becomes a {@code Server} entity. Null means "not given":
 * a null port is the default 623, a null cipher suite lets the collector negotiate, a null user or password falls
 * back to the global credentials. {@code ipmiPass} is read on import but never exported. {@code line} is where the
 * server starts in the source (section header, one-line entry or JSON object), 0 when unknown; it is only for
 * messages. The importer never leaves {@code serverName} null: without one it is the section name or the BMC
 * address, because the entity needs a name.
 */
public record ServerSpec(
        String bmcIp,
        Integer port,
        String serverName,
        String serverIp,
        boolean enabled,
        boolean useNvidiaPassword,
        String ipmiUser,
        String ipmiPass,
        Integer cipherSuite,
        String notes,
        int line,
        String protocol,
        String caBundle) {

    /**
     * @param protocol ipmi, redfish or auto as given (checked), null when not given: ipmi for a new server, the
     *                 stored one kept on update
     * @param caBundle PEM certificates that sign the BMC's HTTPS certificate, null when not given
     */
    public ServerSpec(String bmcIp, Integer port, String serverName, String serverIp, boolean enabled,
                      boolean useNvidiaPassword, String ipmiUser, String ipmiPass, Integer cipherSuite, String notes,
                      int line) {
        this(bmcIp, port, serverName, serverIp, enabled, useNvidiaPassword, ipmiUser, ipmiPass, cipherSuite, notes,
                line, null, null);
    }

    /** What an export keeps of this server: everything but the password and the source line. */
    public ServerSpec exported() {
        return new ServerSpec(bmcIp, port, serverName, serverIp, enabled, useNvidiaPassword, ipmiUser, null, cipherSuite,
                notes, 0, protocol, caBundle);
    }
}
