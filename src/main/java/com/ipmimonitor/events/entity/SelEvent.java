package com.ipmimonitor.events.entity;

import com.ipmimonitor.ipmi.Severity;
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
    /** Record types 0xE0 - 0xFF: OEM records without a timestamp (IPMI 2.0 section 32.3). */
    public static final int FIRST_NON_TIMESTAMPED = 0xE0;
    private static final int OEM_FIRST = 0xC0;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "server_id", nullable = false)
    private Long serverId;

    @Column(name = "record_id")
    private int recordId;

    @Column(name = "record_type")
    private int recordType;

    /**
     * When it happened; for a non-timestamped record, which has no time, where it sits in the SEL: the time of
     * the record before it (so lists sorted by time show it in record-id order, never as the newest event).
     */
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

    /** A freshly read record; its severity is decided by SelIngest when it is stored. */
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
    /** Empty for Pre-Init records (BMC clock not set) and for records without a timestamp. */
    public Optional<OffsetDateTime> findEventTime() { return isTimestamped() ? Optional.ofNullable(eventTime) : Optional.empty(); }
    /** Its place in time-sorted lists: its time, or for a record without a timestamp that of the record before it. */
    public Optional<OffsetDateTime> findSortTime() { return Optional.ofNullable(eventTime); }
    public boolean isTimestamped() { return recordType < FIRST_NON_TIMESTAMPED; }
    /** OEM records have no direction (ipmitool prints none). */
    public Optional<String> findDirection() {
        return isOem() ? Optional.empty() : Optional.of(deassertion ? "Deasserted" : "Asserted");
    }
    public boolean isOem() { return recordType >= OEM_FIRST; }
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

    /**
     * "Correctable ECC | Asserted [CPU1_ECC1]": the text operators search for; an OEM record's is ipmitool's line
     * "OEM record c1 | 002a7c | deadbeef0102".
     */
    public String getSummary() {
        if (isOem()) {
            return description + findDetail().map(d -> " | " + d).orElse("");
        }
        return description + " | " + (deassertion ? "Deasserted" : "Asserted")
                + findSensorName().map(n -> " [" + n + "]").orElse("");
    }
}
