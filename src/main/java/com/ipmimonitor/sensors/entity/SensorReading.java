package com.ipmimonitor.sensors.entity;

import com.ipmimonitor.ipmi.SensorCondition;
import java.time.OffsetDateTime;

/**
 * One sensor value with the BMC's own thresholds at the time it was read. Not an entity: SensorReadings stores a
 * poll's readings as one row (a sensor dimension, see V11_2__sensor_history.sql) and reads them back as these.
 */
public class SensorReading {

    private Long serverId;
    private String sensorName;
    private SensorKind kind;

    private Double value;
    private String unit;
    private String status;

    private Double lowerNonRecoverable;
    private Double lowerCritical;
    private Double lowerNonCritical;
    private Double upperNonCritical;
    private Double upperCritical;
    private Double upperNonRecoverable;

    private OffsetDateTime collectedAt;

    /** A discrete sensor's asserted states in words ("" when none is); null when not decoded. */
    private String stateText;

    public SensorReading(Long serverId, String sensorName, SensorKind kind, Double value, String unit, String status,
                         Double[] thresholdsLnrLcLncUncUcUnr, OffsetDateTime collectedAt) {
        this(serverId, sensorName, kind, value, unit, status, thresholdsLnrLcLncUncUcUnr, collectedAt, null);
    }

    public SensorReading(Long serverId, String sensorName, SensorKind kind, Double value, String unit, String status,
                         Double[] thresholdsLnrLcLncUncUcUnr, OffsetDateTime collectedAt, String stateText) {
        this.stateText = stateText;
        this.serverId = serverId;
        this.sensorName = sensorName;
        this.kind = kind;
        this.value = value;
        this.unit = unit;
        this.status = status;
        this.lowerNonRecoverable = thresholdsLnrLcLncUncUcUnr[0];
        this.lowerCritical = thresholdsLnrLcLncUncUcUnr[1];
        this.lowerNonCritical = thresholdsLnrLcLncUncUcUnr[2];
        this.upperNonCritical = thresholdsLnrLcLncUncUcUnr[3];
        this.upperCritical = thresholdsLnrLcLncUncUcUnr[4];
        this.upperNonRecoverable = thresholdsLnrLcLncUncUcUnr[5];
        this.collectedAt = collectedAt;
    }

    public Long getServerId() { return serverId; }
    public String getSensorName() { return sensorName; }
    public SensorKind getKind() { return kind; }
    public Double getValue() { return value; }
    public String getUnit() { return unit; }
    public String getStatus() { return status; }
    public Double getLowerNonRecoverable() { return lowerNonRecoverable; }
    public Double getLowerCritical() { return lowerCritical; }
    public Double getLowerNonCritical() { return lowerNonCritical; }
    public Double getUpperNonCritical() { return upperNonCritical; }
    public Double getUpperCritical() { return upperCritical; }
    public Double getUpperNonRecoverable() { return upperNonRecoverable; }
    public OffsetDateTime getCollectedAt() { return collectedAt; }
    public String getStateText() { return stateText; }

    /** How worried to be about this reading: one rule for the sensor pages, the API and alerting. */
    public SensorCondition condition() {
        if (kind == SensorKind.DISCRETE) {
            return SensorCondition.ofStates(stateText);
        }
        return SensorCondition.of(status, value, new SensorCondition.Thresholds(lowerNonRecoverable, lowerCritical,
                lowerNonCritical, upperNonCritical, upperCritical, upperNonRecoverable));
    }
}
