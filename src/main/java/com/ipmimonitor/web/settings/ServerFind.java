package com.ipmimonitor.web.settings;

import com.ipmimonitor.overview.boundary.ServerView;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** The settings page's find box: a case-insensitive part of the name, the BMC address or the host address. */
final class ServerFind {

    private ServerFind() {
    }

    static Predicate<ServerView> of(String text) {
        String wanted = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        return s -> wanted.isEmpty() || Stream.of(s.serverName(), s.bmcIp(), s.serverIp())
                .anyMatch(v -> v != null && v.toLowerCase(Locale.ROOT).contains(wanted));
    }
}
