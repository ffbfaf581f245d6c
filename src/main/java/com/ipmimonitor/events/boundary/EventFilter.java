package com.ipmimonitor.events.boundary;

import com.ipmimonitor.ipmi.Severity;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The filters of /api/events, its CSV export and the server page, checked once. server matches a BMC address
 * or a server name; text is a case-insensitive substring of the description, sensor name or sensor type (no
 * wildcards: operators paste "ECC" or "[CPU1_ECC1]"); hours counts back from now on the event's own time (or,
 * for events without a BMC time, when we stored it).
 */
public record EventFilter(Optional<Severity> severity, Optional<String> server, Optional<String> text, int hours,
                          int limit, int offset) {

    public static final int MAX_HOURS = 24 * 366;
    public static final int MAX_LIMIT = 10_000;
    static final int MAX_TEXT = 200;

    /** Every event of the last hours, newest first, one page. */
    public static EventFilter recent(int hours, int limit) {
        return new EventFilter(Optional.empty(), Optional.empty(), Optional.empty(), hours, limit, 0);
    }

    public EventFilter page(int newOffset, int newLimit) {
        return new EventFilter(severity, server, text, hours, newLimit, newOffset);
    }

    /** Parses raw query values; problems lists what is wrong (empty when the filter is usable). */
    public static EventFilter parse(String severity, String server, String text, Integer hours, Integer limit,
                                    Integer offset, int defaultLimit, List<String> problems) {
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
        if (text != null && text.length() > MAX_TEXT) {
            problems.add("q must be at most " + MAX_TEXT + " characters");
        }
        // PostgreSQL refuses U+0000 in a query parameter: the query would fail with a 500, not find nothing
        if (text != null && text.indexOf('\0') >= 0) {
            problems.add("q must not contain a NUL character (%00)");
        }
        if (server != null && server.indexOf('\0') >= 0) {
            problems.add("server must not contain a NUL character (%00)");
        }
        return new EventFilter(sev, nonBlank(server), nonBlank(text), h, l, o);
    }

    private static Optional<String> nonBlank(String value) {
        return Optional.ofNullable(value).filter(s -> !s.isBlank()).map(String::strip);
    }
}
