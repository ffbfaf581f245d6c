package com.ipmimonitor.sensors.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/** Sensor number to SDR name of one BMC, so "Memory #0x50" reads "CPU1_ECC1". */
@Entity
@Table(name = "sdr_name")
@IdClass(SdrName.Key.class)
public class SdrName {

    @Id
    @Column(name = "server_id")
    private Long serverId;

    @Id
    @Column(name = "sensor_number")
    private int sensorNumber;

    @Column(name = "sensor_name")
    private String sensorName;

    private String entity;

    /** The SDR's Full Sensor Record of this sensor in hex (its conversion factors), if it has one. */
    @Column(name = "full_record")
    private String fullRecord;

    /** The SDR's sensor type code; null when the BMC's verbose SDR listing did not say. */
    @Column(name = "sensor_type")
    private Integer sensorType;

    protected SdrName() {
    }

    public SdrName(Long serverId, int sensorNumber, String sensorName, String entity) {
        this(serverId, sensorNumber, sensorName, entity, null, null);
    }

    public SdrName(Long serverId, int sensorNumber, String sensorName, String entity, String fullRecord,
            Integer sensorType) {
        this.serverId = serverId;
        this.sensorNumber = sensorNumber;
        this.sensorName = sensorName;
        this.entity = entity;
        this.fullRecord = fullRecord;
        this.sensorType = sensorType;
    }

    public Long getServerId() { return serverId; }
    public int getSensorNumber() { return sensorNumber; }
    public String getSensorName() { return sensorName; }
    public String getEntity() { return entity; }
    public java.util.Optional<String> findFullRecord() { return java.util.Optional.ofNullable(fullRecord); }
    public java.util.Optional<Integer> findSensorType() { return java.util.Optional.ofNullable(sensorType); }

    public static class Key implements Serializable {
        private Long serverId;
        private int sensorNumber;

        public Key() {
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(serverId, k.serverId) && sensorNumber == k.sensorNumber;
        }

        @Override
        public int hashCode() {
            return Objects.hash(serverId, sensorNumber);
        }
    }
}
