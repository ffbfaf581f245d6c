package com.ipmimonitor.fleet.boundary;

/** The JSON body of POST /api/servers/add. ipmi_pass is write-only: accepted here, never returned. */
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
}
