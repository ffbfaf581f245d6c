package com.ipmimonitor.overview.boundary;

import com.ipmimonitor.fleet.entity.Server;
import java.time.OffsetDateTime;

/** A row of GET /api/servers/managed, the original's server table: what an operator entered, no poll results. */
public record ManagedServerView(long id, String bmcIp, String serverName, String serverIp, boolean enabled,
                                boolean useNvidiaPassword, String notes, OffsetDateTime createdAt,
                                OffsetDateTime updatedAt) {

    public static ManagedServerView of(Server s) {
        return new ManagedServerView(s.getId(), s.getBmcIp(), s.getName(), s.getServerIp(), s.isEnabled(), s.isNvidia(),
                s.getNotes(), s.getCreatedAt(), s.getUpdatedAt());
    }
}
