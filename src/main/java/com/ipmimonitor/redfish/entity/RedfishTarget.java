package com.ipmimonitor.redfish.entity;

import java.util.Optional;

/**
 * One server's Redfish service: where (host and HTTPS port), the account, and the PEM CA bundle that signs its
 * certificate (empty: trust on first use). toString never shows the password.
 */
public record RedfishTarget(long serverId, String host, int port, String user, String password,
                           Optional<String> caBundle) {

    @Override
    public String toString() {
        return user + "@" + host + ":" + port + (caBundle.isPresent() ? " (CA bundle)" : " (trust on first use)");
    }
}
