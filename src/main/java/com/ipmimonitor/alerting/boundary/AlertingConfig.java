package com.ipmimonitor.alerting.boundary;

import com.ipmimonitor.alerting.control.MailSender;
import com.ipmimonitor.alerting.control.RetryPolicy;
import com.ipmimonitor.alerting.control.RuleSettings;
import com.ipmimonitor.alerting.control.WebhookSender;
import com.ipmimonitor.ipmi.Severity;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Alerting settings from MicroProfile Config (ALERT_*, SMTP_*); settings that cannot work stop the deployment. */
@ApplicationScoped
public class AlertingConfig {

    @Inject @ConfigProperty(name = "alert.sel.min.severity") String selMinSeverity;
    @Inject @ConfigProperty(name = "alert.stale.factor") int staleFactor;
    @Inject @ConfigProperty(name = "alert.base.url") Optional<String> baseUrl;
    @Inject @ConfigProperty(name = "alert.delivery.attempts") int attempts;
    @Inject @ConfigProperty(name = "alert.retry.seconds") int retrySeconds;
    @Inject @ConfigProperty(name = "alert.webhook.timeout") int webhookTimeout;
    @Inject @ConfigProperty(name = "smtp.host") Optional<String> smtpHost;
    @Inject @ConfigProperty(name = "smtp.port") int smtpPort;
    @Inject @ConfigProperty(name = "smtp.user") Optional<String> smtpUser;
    @Inject @ConfigProperty(name = "smtp.password") Optional<String> smtpPassword;
    @Inject @ConfigProperty(name = "smtp.from") String smtpFrom;
    @Inject @ConfigProperty(name = "smtp.starttls") boolean smtpStartTls;
    @Inject @ConfigProperty(name = "smtp.timeout") int smtpTimeout;

    private Severity minSeverity;
    private RetryPolicy retryPolicy;
    private WebhookSender webhooks;

    @PostConstruct
    void check() {
        minSeverity = switch (selMinSeverity.strip().toUpperCase(java.util.Locale.ROOT)) {
            case "CRITICAL" -> Severity.CRITICAL;
            case "WARNING" -> Severity.WARNING;
            default -> throw new IllegalStateException("ALERT_SEL_MIN_SEVERITY must be critical or warning");
        };
        if (staleFactor < 2 || webhookTimeout < 1 || smtpTimeout < 1 || attempts < 1 || retrySeconds < 1) {
            throw new IllegalStateException("ALERT_STALE_FACTOR must be at least 2, ALERT_DELIVERY_ATTEMPTS,"
                    + " ALERT_RETRY_SECONDS, ALERT_WEBHOOK_TIMEOUT and SMTP_TIMEOUT at least 1");
        }
        retryPolicy = new RetryPolicy(attempts, Duration.ofSeconds(retrySeconds),
                Duration.ofSeconds(Math.max(retrySeconds, 900)));
        webhooks = new WebhookSender(Duration.ofSeconds(webhookTimeout));
    }

    public RuleSettings ruleSettings(Duration pollInterval) {
        return new RuleSettings(minSeverity, pollInterval, staleFactor);
    }

    public RetryPolicy retryPolicy() {
        return retryPolicy;
    }

    public WebhookSender webhooks() {
        return webhooks;
    }

    /** Empty while SMTP_HOST is unset: e-mail channels cannot be added then. */
    public Optional<MailSender> mail() {
        return smtpHost.filter(h -> !h.isBlank()).map(host -> new MailSender(new MailSender.Settings(host, smtpPort,
                smtpUser.filter(u -> !u.isBlank()), smtpPassword, smtpFrom, smtpStartTls, Duration.ofSeconds(smtpTimeout))));
    }

    /** The alert list of this monitor as seen from outside (ALERT_BASE_URL), for links in notices. */
    public Optional<String> alertsLink() {
        return baseUrl.map(String::strip).filter(u -> !u.isEmpty()).map(u -> u.replaceAll("/+$", "") + "/alerts");
    }

    /** Enough for the slowest legitimate delivery (connect + answer, or SMTP's three timeouts), then some. */
    public Duration deliveryLease() {
        return Duration.ofSeconds(Math.max(webhookTimeout * 2L, smtpTimeout * 3L) + 60);
    }
}
