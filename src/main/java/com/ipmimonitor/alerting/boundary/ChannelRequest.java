package com.ipmimonitor.alerting.boundary;

/**
 * The JSON body of POST /api/alert-channels: {name, type: webhook|email, url, format: generic|alertmanager,
 * authorization, recipients}. url and authorization are write-only: stored encrypted, never returned.
 */
public class ChannelRequest {
    public String name;
    public String type;
    public String url;
    public String format;
    public String authorization;
    public String recipients;
}
