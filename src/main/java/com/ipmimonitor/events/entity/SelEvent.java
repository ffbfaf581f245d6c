package com.ipmimonitor.events.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * One System Event Log record of one server, as stored history. It outlives the BMC's SEL: a clear on the
 * BMC never deletes it, and the fingerprint keeps a re-read record from being stored twice.
 */
@Entity
@Table(name = "sel_event")
@NamedQuery(name = SelEvent.BY_SERVER, query = "select e from SelEvent e where e.serverId = :serverId"
        + " order by e.eventTime desc nulls last, e.recordId desc")
public class SelEvent {

    public static final String BY_SERVER = "SelEvent.byServer";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "server_id", nullable = false)
    private Long serverId;

    @Column(name = "record_id")
    private int recordId;

    @Column(name = "record_type")
    private int recordType;

    @Column(name = "event_time")
    private OffsetDateTime eventTime;

    @Column(name = "bmc_timestamp")
    private Long bmcTimestamp;

    @Column(name = "pre_init")
    private boolean preInit;

    @Column(name = "sensor_type")
    private String sensorType;

    @Column(name = "sensor_type_code")
    private Integer sensorTypeCode;

    @Column(name = "sensor_number")
    private Integer sensorNumber;

    @Column(name = "sensor_name")
    private String sensorName;

    @Column(name = "event_type_code")
    private Integer eventTypeCode;

    @Column(name = "event_offset")
    private Integer eventOffset;

    private boolean deassertion;

    private String description;

    private String detail;

    @Enumerated(EnumType.STRING)
    private Severity severity;

    @Column(name = "raw_hex")
    private String rawHex;

    private String fingerprint;

    @Column(name = "collected_at")
    private OffsetDateTime collectedAt;

    @Column(name = "resolved_at")
    private OffsetDateTime resolvedAt;

    protected SelEvent() {
    }

    /** A freshly read record; its severity is decided by SystemEvents when it is stored. */
    public SelEvent(Long serverId, int recordId, int recordType, OffsetDateTime eventTime, Long bmcTimestamp,
                    boolean preInit, String sensorType, Integer sensorTypeCode, Integer sensorNumber, String sensorName,
                    Integer eventTypeCode, Integer eventOffset, boolean deassertion, String description, String detail,
                    String rawHex, String fingerprint, OffsetDateTime collectedAt) {
        this.serverId = serverId;
        this.recordId = recordId;
        this.recordType = recordType;
        this.eventTime = eventTime;
        this.bmcTimestamp = bmcTimestamp;
        this.preInit = preInit;
        this.sensorType = sensorType;
        this.sensorTypeCode = sensorTypeCode;
        this.sensorNumber = sensorNumber;
        this.sensorName = sensorName;
        this.eventTypeCode = eventTypeCode;
        this.eventOffset = eventOffset;
        this.deassertion = deassertion;
        this.description = description;
        this.detail = detail;
        this.rawHex = rawHex;
        this.fingerprint = fingerprint;
        this.collectedAt = collectedAt;
    }

    public void classify(Severity severity) {
        this.severity = severity;
    }

    public Long getId() { return id; }
    public Long getServerId() { return serverId; }
    public int getRecordId() { return recordId; }
    public int getRecordType() { return recordType; }
    public Optional<OffsetDateTime> findEventTime() { return Optional.ofNullable(eventTime); }
    public boolean isPreInit() { return preInit; }
    public String getSensorType() { return sensorType; }
    public Optional<Integer> findSensorNumber() { return Optional.ofNullable(sensorNumber); }
    public Optional<String> findSensorName() { return Optional.ofNullable(sensorName); }
    public boolean isDeassertion() { return deassertion; }
    public String getDescription() { return description; }
    public Optional<String> findDetail() { return Optional.ofNullable(detail); }
    public Severity getSeverity() { return severity; }
    public String getRawHex() { return rawHex; }
    public int getRecordTypeCode() { return recordType; }
    public Optional<Integer> findSensorTypeCode() { return Optional.ofNullable(sensorTypeCode); }
    public Optional<Integer> findEventTypeCode() { return Optional.ofNullable(eventTypeCode); }
    public Optional<Integer> findEventOffset() { return Optional.ofNullable(eventOffset); }
    public Optional<Long> findBmcTimestamp() { return Optional.ofNullable(bmcTimestamp); }
    public String getFingerprint() { return fingerprint; }
    public OffsetDateTime getCollectedAt() { return collectedAt; }
    public Optional<OffsetDateTime> findResolvedAt() { return Optional.ofNullable(resolvedAt); }

    /** "Correctable ECC | Asserted [CPU1_ECC1]": the text operators search for. */
    public String getSummary() {
        return description + " | " + (deassertion ? "Deasserted" : "Asserted")
                + findSensorName().map(n -> " [" + n + "]").orElse("");
    }
}
