package com.ipmimonitor.collection.control;

import com.ipmimonitor.fleet.entity.Server;

/**
 * The fleet-wide BMC login (IPMI_USER / IPMI_PASS) and the NVIDIA one (IPMI_PASS_NVIDIA: DGX/HGX BMCs
 * demand 16-character passwords), used when a server has no credentials of its own.
 */
public record DefaultCredentials(String user, String password, String nvidiaPassword, int cipherSuite) {

    public BmcTarget targetFor(Server server) {
        String fallback = server.isNvidia() && !nvidiaPassword.isEmpty() ? nvidiaPassword : password;
        return new BmcTarget(server.getBmcIp(), server.getBmcPort(), server.findIpmiUser().orElse(user),
                server.findIpmiPassword().orElse(fallback), server.findCipherSuite().orElse(cipherSuite));
    }
}
