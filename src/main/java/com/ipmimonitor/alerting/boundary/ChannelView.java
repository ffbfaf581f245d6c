package com.ipmimonitor.alerting.boundary;

import com.ipmimonitor.alerting.entity.AlertChannel;
import java.time.OffsetDateTime;
import java.util.Locale;

/** A channel without its secrets: the webhook URL shown is only scheme, host and port. */
public record ChannelView(long id, String name, String type, String url, String format, boolean hasAuthorization,
                          String recipients, boolean enabled, OffsetDateTime createdAt) {

    static ChannelView of(AlertChannel c) {
        return new ChannelView(c.getId(), c.getName(), c.getType().name().toLowerCase(Locale.ROOT),
                c.findUrlShown().orElse(null), c.findFormat().map(f -> f.name().toLowerCase(Locale.ROOT)).orElse(null),
                c.findAuthorization().isPresent(), String.join(", ", c.getRecipients()), c.isEnabled(), c.getCreatedAt());
    }

    /** For the page: where notices go, in one line. */
    public String getTarget() {
        return "webhook".equals(type) ? url + " (" + format + (hasAuthorization ? ", with Authorization" : "") + ")"
                : recipients;
    }
}
