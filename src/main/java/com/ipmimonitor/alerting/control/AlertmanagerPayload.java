package com.ipmimonitor.alerting.control;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.util.Locale;

/**
 * Alertmanager's POST /api/v2/alerts body: an array of alerts with labels, annotations, startsAt, endsAt and
 * generatorURL. Labels identify an alert in Alertmanager, so alert_id keeps two SEL events of one server apart;
 * endsAt is sent only with the resolved notice (a firing alert without it is resolved by Alertmanager after
 * its resolve_timeout, since the monitor notifies once and does not repeat).
 */
public final class AlertmanagerPayload {

    private AlertmanagerPayload() {
    }

    public static String of(Notification n) {
        JsonObjectBuilder alert = Json.createObjectBuilder()
                .add("labels", Json.createObjectBuilder()
                        .add("alertname", n.alertName())
                        .add("severity", n.severity().name().toLowerCase(Locale.ROOT))
                        .add("instance", n.bmcIp())
                        .add("server", n.serverName())
                        .add("rule", n.rule())
                        .add("alert_id", String.valueOf(n.alertId())))
                .add("annotations", Json.createObjectBuilder()
                        .add("summary", n.summary())
                        .add("description", n.description()))
                .add("startsAt", GenericPayload.time(n.startedAt()));
        if (n.resolved()) {
            alert.add("endsAt", GenericPayload.time(n.resolvedAt().orElse(n.startedAt())));
        }
        n.link().ifPresent(link -> alert.add("generatorURL", link));
        return Json.createArrayBuilder().add(alert).build().toString();
    }
}
