package com.ipmimonitor.sensors.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A DCMI power reading of one server (watts over the BMC's sampling period). */
@Entity
@Table(name = "power_reading")
public class PowerDraw {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "server_id", nullable = false)
    private Long serverId;

    @Column(name = "current_watts")
    private int currentWatts;

    @Column(name = "min_watts")
    private Integer minWatts;

    @Column(name = "max_watts")
    private Integer maxWatts;

    @Column(name = "avg_watts")
    private Integer avgWatts;

    @Column(name = "collected_at")
    private OffsetDateTime collectedAt;

    protected PowerDraw() {
    }

    public PowerDraw(Long serverId, int currentWatts, int minWatts, int maxWatts, int avgWatts, OffsetDateTime collectedAt) {
        this.serverId = serverId;
        this.currentWatts = currentWatts;
        this.minWatts = minWatts;
        this.maxWatts = maxWatts;
        this.avgWatts = avgWatts;
        this.collectedAt = collectedAt;
    }

    public Long getServerId() { return serverId; }
    public int getCurrentWatts() { return currentWatts; }
    public Integer getMinWatts() { return minWatts; }
    public Integer getMaxWatts() { return maxWatts; }
    public Integer getAvgWatts() { return avgWatts; }
    public OffsetDateTime getCollectedAt() { return collectedAt; }
}
