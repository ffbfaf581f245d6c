package com.ipmimonitor.alerting.control;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;

/** The generic webhook body: one JSON object per notice, snake_case like the rest of the API. */
public final class GenericPayload {

    private GenericPayload() {
    }

    public static String of(Notification n) {
        JsonObjectBuilder alert = Json.createObjectBuilder()
                .add("id", n.alertId())
                .add("alertname", n.alertName())
                .add("rule", n.rule())
                .add("severity", n.severity().name().toLowerCase(Locale.ROOT))
                .add("server", n.serverName())
                .add("bmc_ip", n.bmcIp())
                .add("summary", n.summary())
                .add("description", n.description())
                .add("started_at", time(n.startedAt()));
        optional(alert, "resolved_at", n.resolvedAt().map(GenericPayload::time));
        optional(alert, "url", n.link());
        return Json.createObjectBuilder()
                .add("version", "1")
                .add("status", n.status())
                .add("test", n.test())
                .add("alert", alert)
                .build().toString();
    }

    static String time(OffsetDateTime t) {
        return t.toInstant().truncatedTo(ChronoUnit.MILLIS).toString();
    }

    private static void optional(JsonObjectBuilder b, String name, Optional<String> value) {
        if (value.isPresent()) {
            b.add(name, value.get());
        } else {
            b.addNull(name);
        }
    }
}
