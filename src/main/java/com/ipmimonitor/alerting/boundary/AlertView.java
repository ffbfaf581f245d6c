package com.ipmimonitor.alerting.boundary;

import com.ipmimonitor.alerting.entity.Alert;
import com.ipmimonitor.fleet.entity.Server;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** One alert as the API and the alerts page show it, with what each channel was told. */
public record AlertView(long id, String rule, String alertname, String severity, String state, String serverName,
                        String bmcIp, String summary, String description, OffsetDateTime startedAt,
                        OffsetDateTime resolvedAt, String acknowledgedBy, OffsetDateTime acknowledgedAt,
                        List<DeliveryView> deliveries) {

    /** channel kind (fire/resolve) status attempts: "sent", "pending" (will retry), "failed" (gave up). */
    public record DeliveryView(String channel, String kind, String status, int attempts, String lastError,
                               OffsetDateTime sentAt) {
    }

    static AlertView of(Alert a, Optional<Server> server, List<DeliveryView> deliveries) {
        return new AlertView(a.getId(), a.getRule().label(), a.getRule().alertName(),
                a.getSeverity().name().toLowerCase(Locale.ROOT), a.getState().name().toLowerCase(Locale.ROOT),
                server.map(Server::getName).orElse(""), server.map(Server::getBmcIp).orElse(""), a.getSummary(),
                a.findDescription().orElse(""), a.getStartedAt(), a.findResolvedAt().orElse(null),
                a.findAcknowledgedBy().orElse(null), a.findAcknowledgedAt().orElse(null), deliveries);
    }

    public boolean isFiring() {
        return "firing".equals(state);
    }

    public boolean isAcknowledged() {
        return acknowledgedBy != null;
    }
}
