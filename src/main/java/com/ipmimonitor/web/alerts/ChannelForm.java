package com.ipmimonitor.web.alerts;

import com.ipmimonitor.alerting.boundary.ChannelRequest;
import java.io.Serializable;

/** The "add a channel" fields of /alerts; the authorization value is never redisplayed. */
public class ChannelForm implements Serializable {

    private static final long serialVersionUID = 1L;

    private String name = "";
    private String type = "webhook";
    private String url = "";
    private String format = "generic";
    private String authorization = "";
    private String recipients = "";

    ChannelRequest toRequest() {
        ChannelRequest r = new ChannelRequest();
        r.name = name;
        r.type = type;
        r.url = "webhook".equals(type) ? url : null;
        r.format = format;
        r.authorization = "webhook".equals(type) ? authorization : null;
        r.recipients = "email".equals(type) ? recipients : null;
        return r;
    }

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getType() { return type; }
    public void setType(String type) { this.type = type; }
    public String getUrl() { return url; }
    public void setUrl(String url) { this.url = url; }
    public String getFormat() { return format; }
    public void setFormat(String format) { this.format = format; }
    public String getAuthorization() { return authorization; }
    public void setAuthorization(String authorization) { this.authorization = authorization; }
    public String getRecipients() { return recipients; }
    public void setRecipients(String recipients) { this.recipients = recipients; }
}
