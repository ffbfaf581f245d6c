package com.ipmimonitor.alerting.entity;

import com.ipmimonitor.security.boundary.CredentialCipher;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Where notifications go. A webhook URL often carries a token (Slack, Teams) and the Authorization header is a
 * credential: both are encrypted at rest like BMC passwords and never returned; urlShown is the URL without its
 * path and query, for lists.
 */
@Entity
@Table(name = "alert_channel")
@NamedQuery(name = AlertChannel.ALL, query = "select c from AlertChannel c order by c.name")
@NamedQuery(name = AlertChannel.BY_NAME, query = "select c from AlertChannel c where c.name = :name")
public class AlertChannel {

    public static final String ALL = "AlertChannel.all";
    public static final String BY_NAME = "AlertChannel.byName";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String name;

    @Enumerated(EnumType.STRING)
    private ChannelType type;

    @Column(name = "url_enc")
    @Convert(converter = CredentialCipher.class)
    private String url;

    @Column(name = "url_shown")
    private String urlShown;

    @Enumerated(EnumType.STRING)
    private WebhookFormat format;

    @Column(name = "auth_enc")
    @Convert(converter = CredentialCipher.class)
    private String authorization;

    private String recipients;

    private boolean enabled = true;

    @Column(name = "created_at")
    private OffsetDateTime createdAt;

    protected AlertChannel() {
    }

    public static AlertChannel webhook(String name, String url, String urlShown, WebhookFormat format, String authorization) {
        AlertChannel c = new AlertChannel(name, ChannelType.WEBHOOK);
        c.url = url;
        c.urlShown = urlShown;
        c.format = format;
        c.authorization = authorization;
        return c;
    }

    public static AlertChannel email(String name, List<String> recipients) {
        AlertChannel c = new AlertChannel(name, ChannelType.EMAIL);
        c.recipients = String.join(", ", recipients);
        return c;
    }

    private AlertChannel(String name, ChannelType type) {
        this.name = name;
        this.type = type;
        this.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
    }

    public Long getId() { return id; }
    public String getName() { return name; }
    public ChannelType getType() { return type; }
    /** Only for sending: never shown. */
    public Optional<String> findUrl() { return Optional.ofNullable(url); }
    public Optional<String> findUrlShown() { return Optional.ofNullable(urlShown); }
    public Optional<WebhookFormat> findFormat() { return Optional.ofNullable(format); }
    /** Only for sending: never shown. */
    public Optional<String> findAuthorization() { return Optional.ofNullable(authorization).filter(a -> !a.isEmpty()); }
    public List<String> getRecipients() {
        return recipients == null ? List.of() : Arrays.stream(recipients.split(",")).map(String::strip)
                .filter(r -> !r.isEmpty()).toList();
    }
    public boolean isEnabled() { return enabled; }
    public OffsetDateTime getCreatedAt() { return createdAt; }
}
