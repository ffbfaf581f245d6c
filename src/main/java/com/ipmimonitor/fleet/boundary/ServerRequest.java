package com.ipmimonitor.fleet.boundary;

import com.ipmimonitor.fleet.control.ServerFields;
import com.ipmimonitor.rest.ChangeRejected.Reason;

/**
 * The fields of POST /api/servers/add and PUT /api/servers/{bmcIp}, and of the settings page's dialog; null
 * means not given. ipmi_pass is write-only: accepted here, never returned.
 */
public class ServerRequest {
    public String bmcIp;
    public Integer port;
    public String serverName;
    public String serverIp;
    public Boolean enabled;
    public Boolean useNvidiaPassword;
    public String ipmiUser;
    public String ipmiPass;
    public Integer cipherSuite;
    public String notes;
    /** ipmi (default), redfish or auto. */
    public String protocol;
    /** PEM CA bundle for the BMC's HTTPS certificate; "" removes it. Write-only. */
    public String caBundle;

    /**
     * A JSON body read by the import's rules rather than bound by JSON-B, which would turn 1.5 into port 1,
     * "maybe" into false and ignore unknown keys: a refused body names what to fix and changes nothing.
     */
    public static ServerRequest fromJson(String body) {
        ServerFields.Read read = ServerFields.fromJson(body);
        ServerFields f = read.fields().orElseThrow(() -> FleetChanges.invalid(read.problems()));
        ServerRequest r = new ServerRequest();
        r.bmcIp = f.bmcIp();
        r.port = f.port();
        r.serverName = f.serverName();
        r.serverIp = f.serverIp();
        r.enabled = f.enabled();
        r.useNvidiaPassword = f.useNvidiaPassword();
        r.ipmiUser = f.ipmiUser();
        r.ipmiPass = f.ipmiPass();
        r.cipherSuite = f.cipherSuite();
        r.notes = f.notes();
        r.protocol = f.protocol();
        r.caBundle = f.caBundle();
        return r;
    }
}
