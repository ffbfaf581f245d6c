package com.ipmimonitor.fleet.boundary;

import com.ipmimonitor.fleet.entity.Server;
import java.time.OffsetDateTime;

/**
 * The original's per-server credential settings (GET /api/config/servers, admin only): the user name and whether a
 * password is stored, never the password. The original also kept SSH settings that nothing used; this monitor
 * ignores them, so there is never an SSH user or key, and the port is the original's default.
 */
public record ServerConfigView(String bmcIp, String serverName, String serverIp, String ipmiUser, boolean hasIpmiPass,
                               String sshUser, boolean hasSshKey, int sshPort, OffsetDateTime updatedAt) {

    static final int SSH_PORT = 22;

    public static ServerConfigView of(Server s) {
        return new ServerConfigView(s.getBmcIp(), s.getName(), s.getServerIp(), s.findIpmiUser().orElse(null),
                s.hasIpmiPassword(), null, false, SSH_PORT, s.getUpdatedAt());
    }
}
