package com.ipmimonitor.collection.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** One poll of one server, kept as history (duration, outcome, how many new SEL events it stored). */
@Entity
@Table(name = "collection_run")
public class CollectionRun {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "server_id", nullable = false)
    private Long serverId;

    @Column(name = "started_at", nullable = false)
    private OffsetDateTime startedAt;

    @Column(name = "duration_ms", nullable = false)
    private long durationMs;

    @Enumerated(EnumType.STRING)
    private PollOutcome outcome;

    private String error;

    @Column(name = "new_events")
    private int newEvents;

    private String instance;

    protected CollectionRun() {
    }

    public CollectionRun(Long serverId, OffsetDateTime startedAt, long durationMs, PollOutcome outcome,
                         String error, int newEvents, String instance) {
        this.serverId = serverId;
        this.startedAt = startedAt;
        this.durationMs = durationMs;
        this.outcome = outcome;
        this.error = error;
        this.newEvents = newEvents;
        this.instance = instance;
    }

    public Long getServerId() { return serverId; }
    public OffsetDateTime getStartedAt() { return startedAt; }
    public long getDurationMs() { return durationMs; }
    public PollOutcome getOutcome() { return outcome; }
    public String getError() { return error; }
    public int getNewEvents() { return newEvents; }
    public String getInstance() { return instance; }
}
