package com.ipmimonitor.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The events a page shows (range, severity, text, one server or all) as the two links that carry them: the page's
 * own query (so a reload or a shared address shows the same), and the CSV export of exactly those events. Blank
 * values are left out, so an unfiltered page keeps a short address.
 */
public record EventFilterLink(String range, int hours, String severity, String text, String bmcIp) {

    /** range=7d&amp;severity=critical&amp;q=ecc: the page's address query. */
    public String pageQuery() {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("range", range);
        query.put("severity", severity);
        query.put("q", text);
        return encode(query);
    }

    /** /api/events/export.csv with the same filter, in the parameters of that endpoint (hours, server). */
    public String exportHref(String contextPath) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("hours", String.valueOf(hours));
        query.put("severity", severity);
        query.put("q", text);
        query.put("server", bmcIp);
        return contextPath + "/api/events/export.csv?" + encode(query);
    }

    private static String encode(Map<String, String> query) {
        return query.entrySet().stream().filter(e -> e.getValue() != null && !e.getValue().isBlank())
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8).replace("+", "%20"))
                .collect(Collectors.joining("&"));
    }
}
