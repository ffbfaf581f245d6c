package com.ipmimonitor.web.settings;

import com.ipmimonitor.fleet.boundary.ServerRequest;
import com.ipmimonitor.fleet.entity.BmcProtocol;
import com.ipmimonitor.fleet.entity.Server;
import java.io.Serializable;

/**
 * The add/edit dialog of the settings page. The password is write-only: it is never filled in from the
 * database; left empty on edit it keeps the stored one, and "remove" drops it (then IPMI_PASS applies).
 */
public class ServerForm implements Serializable {

    private static final long serialVersionUID = 1L;

    private String originalBmcIp; // null while adding
    private String bmcIp;
    private Integer port = Server.DEFAULT_PORT;
    private String serverName;
    private String serverIp;
    private String ipmiUser;
    private String ipmiPass;
    private boolean removePassword;
    private boolean hasPassword;
    private boolean nvidia;
    private boolean enabled = true;
    private Integer cipherSuite;
    private String notes;
    private String protocol = BmcProtocol.IPMI.code();
    private String caBundle;

    static ServerForm of(Server s) {
        ServerForm form = new ServerForm();
        form.originalBmcIp = s.getBmcIp();
        form.bmcIp = s.getBmcIp();
        form.port = s.getBmcPort();
        form.serverName = s.getName();
        form.serverIp = s.getServerIp();
        form.ipmiUser = s.findIpmiUser().orElse("");
        form.hasPassword = s.hasIpmiPassword();
        form.nvidia = s.isNvidia();
        form.enabled = s.isEnabled();
        form.cipherSuite = s.findCipherSuite().orElse(null);
        form.notes = s.getNotes();
        form.protocol = s.getProtocol().code();
        form.caBundle = s.findCaBundle().orElse(null);
        return form;
    }

    ServerRequest toRequest() {
        ServerRequest r = new ServerRequest();
        r.bmcIp = strip(bmcIp);
        r.port = port;
        r.serverName = strip(serverName);
        r.serverIp = strip(serverIp) == null && isEditing() ? "" : strip(serverIp);
        r.ipmiUser = strip(ipmiUser) == null && isEditing() ? "" : strip(ipmiUser);
        if (removePassword) {
            r.ipmiPass = "";
        } else if (ipmiPass != null && !ipmiPass.isEmpty()) {
            r.ipmiPass = ipmiPass; // passwords are taken as typed: spaces may be part of them
        }
        r.useNvidiaPassword = nvidia;
        r.enabled = enabled;
        r.cipherSuite = cipherSuite;
        r.notes = notes == null ? (isEditing() ? "" : null) : notes;
        return r;
    }

    /** The select offers only the three codes; anything else is a forged post and reads as the default. */
    BmcProtocol bmcProtocol() {
        return BmcProtocol.findByCode(protocol).orElse(BmcProtocol.IPMI);
    }

    private static String strip(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    public boolean isEditing() { return originalBmcIp != null; }
    public String getOriginalBmcIp() { return originalBmcIp; }
    public String getBmcIp() { return bmcIp; }
    public void setBmcIp(String bmcIp) { this.bmcIp = bmcIp; }
    public Integer getPort() { return port; }
    public void setPort(Integer port) { this.port = port; }
    public String getServerName() { return serverName; }
    public void setServerName(String serverName) { this.serverName = serverName; }
    public String getServerIp() { return serverIp; }
    public void setServerIp(String serverIp) { this.serverIp = serverIp; }
    public String getIpmiUser() { return ipmiUser; }
    public void setIpmiUser(String ipmiUser) { this.ipmiUser = ipmiUser; }
    public String getIpmiPass() { return null; } // write-only: never sent back to the browser
    public void setIpmiPass(String ipmiPass) { this.ipmiPass = ipmiPass; }
    public boolean isRemovePassword() { return removePassword; }
    public void setRemovePassword(boolean removePassword) { this.removePassword = removePassword; }
    public boolean isHasPassword() { return hasPassword; }
    public boolean isNvidia() { return nvidia; }
    public void setNvidia(boolean nvidia) { this.nvidia = nvidia; }
    public boolean isEnabled() { return enabled; }
    public void setEnabled(boolean enabled) { this.enabled = enabled; }
    public Integer getCipherSuite() { return cipherSuite; }
    public void setCipherSuite(Integer cipherSuite) { this.cipherSuite = cipherSuite; }
    public String getNotes() { return notes; }
    public void setNotes(String notes) { this.notes = notes; }
    public String getProtocol() { return protocol; }
    public void setProtocol(String protocol) { this.protocol = protocol; }
    public String getCaBundle() { return caBundle; }
    public void setCaBundle(String caBundle) { this.caBundle = caBundle; }
}
