package com.ipmimonitor.alerting.control;

import java.util.Locale;

/** Subject and plain-text body of an alert e-mail. */
public record MailText(String subject, String body) {

    public static MailText of(Notification n) {
        String tag = n.test() ? "[TEST]" : n.resolved() ? "[RESOLVED]"
                : "[FIRING " + n.severity().name().toUpperCase(Locale.ROOT) + "]";
        StringBuilder body = new StringBuilder()
                .append(n.summary()).append("\n\n")
                .append(n.description()).append("\n\n")
                .append("Status:   ").append(n.status()).append('\n')
                .append("Severity: ").append(n.severity().name().toLowerCase(Locale.ROOT)).append('\n')
                .append("Rule:     ").append(n.rule()).append(" (").append(n.alertName()).append(")\n")
                .append("Server:   ").append(n.serverName()).append(", BMC ").append(n.bmcIp()).append('\n')
                .append("Started:  ").append(GenericPayload.time(n.startedAt())).append('\n');
        n.resolvedAt().ifPresent(t -> body.append("Resolved: ").append(GenericPayload.time(t)).append('\n'));
        n.link().ifPresent(l -> body.append('\n').append(l).append('\n'));
        return new MailText(oneLine(tag + " " + n.summary()), body.toString());
    }

    /** BMC-supplied text ends up in the subject: no line breaks may reach a mail header. */
    private static String oneLine(String s) {
        String flat = s.replaceAll("[\\r\\n\\t]+", " ").strip();
        return flat.length() > 200 ? flat.substring(0, 199) + "…" : flat;
    }
}
