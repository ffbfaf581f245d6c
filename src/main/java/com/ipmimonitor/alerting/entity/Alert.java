package com.ipmimonitor.alerting.entity;

import com.ipmimonitor.ipmi.Severity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * One firing (or resolved) condition of one server. Rows are written with SQL by AlertEvaluation (the database's
 * unique indexes decide what is new); this entity reads them and records acknowledgements.
 */
@Entity
@Table(name = "alert")
@NamedQuery(name = Alert.RECENT, query = "select a from Alert a order by a.state, a.startedAt desc, a.id desc")
@NamedQuery(name = Alert.IN_STATE, query = "select a from Alert a where a.state = :state order by a.startedAt desc, a.id desc")
public class Alert {

    public static final String RECENT = "Alert.recent";
    public static final String IN_STATE = "Alert.inState";

    @Id
    private Long id;

    @Enumerated(EnumType.STRING)
    private AlertRule rule;

    @Enumerated(EnumType.STRING)
    private Severity severity;

    @Column(name = "server_id")
    private Long serverId;

    private String fingerprint;
    private String summary;
    private String description;

    @Enumerated(EnumType.STRING)
    private AlertState state;

    @Column(name = "started_at")
    private OffsetDateTime startedAt;

    @Column(name = "resolved_at")
    private OffsetDateTime resolvedAt;

    @Column(name = "acknowledged_by")
    private String acknowledgedBy;

    @Column(name = "acknowledged_at")
    private OffsetDateTime acknowledgedAt;

    protected Alert() {
    }

    /** The first acknowledgement counts; a second one changes nothing. */
    public void acknowledge(String by, OffsetDateTime at) {
        if (acknowledgedBy == null) {
            acknowledgedBy = by;
            acknowledgedAt = at;
        }
    }

    public Long getId() { return id; }
    public AlertRule getRule() { return rule; }
    public Severity getSeverity() { return severity; }
    public Long getServerId() { return serverId; }
    public String getFingerprint() { return fingerprint; }
    public String getSummary() { return summary; }
    public Optional<String> findDescription() { return Optional.ofNullable(description); }
    public AlertState getState() { return state; }
    public OffsetDateTime getStartedAt() { return startedAt; }
    public Optional<OffsetDateTime> findResolvedAt() { return Optional.ofNullable(resolvedAt); }
    public Optional<String> findAcknowledgedBy() { return Optional.ofNullable(acknowledgedBy); }
    public Optional<OffsetDateTime> findAcknowledgedAt() { return Optional.ofNullable(acknowledgedAt); }
}
