package com.ipmimonitor.sensors.entity;

import java.time.OffsetDateTime;

/**
 * A DCMI power reading of one server (watts over the BMC's sampling period). Stored by SensorReadings through
 * power_store (V12_41__power_history.sql: packed into one row per server and hour), not an entity.
 */
public class PowerDraw {

    private final Long serverId;

    private final int currentWatts;

    private final Integer minWatts;

    private final Integer maxWatts;

    private final Integer avgWatts;

    private final OffsetDateTime collectedAt;

    public PowerDraw(Long serverId, int currentWatts, Integer minWatts, Integer maxWatts, Integer avgWatts,
                     OffsetDateTime collectedAt) {
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
