package com.ipmimonitor.fleet.boundary;

import java.util.List;

/**
 * The JSON body of POST|PUT /api/config/server/{bmc_ip} and POST /api/config/bulk, as the original took it.
 * ipmi_pass is write-only; "" (a password field left empty) keeps the stored one. ssh_* are accepted and ignored:
 * the original stored them but never used them, and this monitor does not log in to servers.
 */
public class ServerConfigRequest {
    public String ipmiUser;
    public String ipmiPass;
    public String serverIp;
    public Object sshUser;
    public Object sshKey;
    public Object sshPort;
    /** bulk only: the BMC addresses to change; absent means every server. */
    public List<String> servers;

    /** The password to store, null to keep the stored one. */
    String newPassword() {
        return ipmiPass == null || ipmiPass.isEmpty() ? null : ipmiPass;
    }

    ServerRequest asServerRequest() {
        ServerRequest request = new ServerRequest();
        request.ipmiUser = ipmiUser;
        request.ipmiPass = newPassword();
        request.serverIp = serverIp;
        return request;
    }
}
