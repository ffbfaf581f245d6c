package com.ipmimonitor.events.control;

import com.ipmimonitor.events.entity.Severity;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The filters of /api/events and its CSV export, checked once. server matches a BMC address or a server name;
 * hours counts back from now on the event's own time (or, for events without a BMC time, when we stored it).
 */
public record EventFilter(Optional<Severity> severity, Optional<String> server, int hours, int limit, int offset) {

    public static final int MAX_HOURS = 24 * 366;
    public static final int MAX_LIMIT = 10_000;

    /** Parses raw query values; problems lists what is wrong (empty when the filter is usable). */
    public static EventFilter parse(String severity, String server, Integer hours, Integer limit, Integer offset,
                                    int defaultLimit, List<String> problems) {
        Optional<Severity> sev = Optional.empty();
        if (severity != null && !severity.isBlank()) {
            try {
                sev = Optional.of(Severity.valueOf(severity.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                problems.add("severity must be critical, warning or info, got '" + severity + "'");
            }
        }
        int h = hours == null ? 24 : hours;
        if (h < 1 || h > MAX_HOURS) {
            problems.add("hours must be between 1 and " + MAX_HOURS);
        }
        int l = limit == null ? defaultLimit : limit;
        if (l < 1 || l > MAX_LIMIT) {
            problems.add("limit must be between 1 and " + MAX_LIMIT);
        }
        int o = offset == null ? 0 : offset;
        if (o < 0) {
            problems.add("offset must not be negative");
        }
        return new EventFilter(sev, Optional.ofNullable(server).filter(s -> !s.isBlank()).map(String::strip), h, l, o);
    }
}
