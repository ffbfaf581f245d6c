package com.ipmimonitor.collection.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * What the last poll of one server found, plus the SEL bookkeeping that makes the next poll incremental.
 * The lease columns are written with SQL only (see PollLeases), never through this entity.
 */
@Entity
@Table(name = "server_status")
public class ServerStatus {

    @Id
    @Column(name = "server_id")
    private Long serverId;

    @Column(name = "power_state")
    private String powerState;

    private boolean reachable;

    @Column(name = "last_outcome")
    @Enumerated(EnumType.STRING)
    private PollOutcome lastOutcome;

    @Column(name = "last_error")
    private String lastError;

    @Column(name = "last_attempt_at")
    private OffsetDateTime lastAttemptAt;

    @Column(name = "last_success_at")
    private OffsetDateTime lastSuccessAt;

    @Column(name = "last_duration_ms")
    private Long lastDurationMs;

    @Column(name = "sel_entries")
    private Integer selEntries;

    @Column(name = "sel_last_add")
    private Long selLastAdd;

    @Column(name = "sel_last_erase")
    private Long selLastErase;

    @Column(name = "sel_last_record_id")
    private Integer selLastRecordId;

    @Column(name = "sel_overflow")
    private Boolean selOverflow;

    @Column(name = "sel_percent_used")
    private Integer selPercentUsed;

    @Column(name = "sdr_names_at")
    private OffsetDateTime sdrNamesAt;

    @Column(name = "sdr_signature")
    private String sdrSignature;

    @Column(name = "dcmi_supported")
    private Boolean dcmiSupported;

    @Column(name = "bmc_firmware")
    private String bmcFirmware;

    /** "ipmi" or "redfish": what answered a server whose protocol is auto (null until probed). */
    @Column(name = "protocol_detected")
    private String protocolDetected;

    /** When auto last probed for Redfish (a probe that found none is tried again a day later). */
    @Column(name = "protocol_probed_at")
    private OffsetDateTime protocolProbedAt;

    @Column(name = "cipher_suite_used")
    private Integer cipherSuiteUsed;

    @Version
    private long version;

    protected ServerStatus() {
    }

    public ServerStatus(Long serverId) {
        this.serverId = serverId;
    }

    public void recordFailure(PollOutcome outcome, String error, OffsetDateTime at, long durationMs) {
        this.lastOutcome = outcome;
        this.lastError = error;
        this.lastAttemptAt = at;
        this.lastDurationMs = durationMs;
        // an authentication failure means something answered, but we know nothing about the host: not "reachable"
        this.reachable = false;
    }

    public void recordSuccess(String powerState, OffsetDateTime at, long durationMs) {
        this.lastOutcome = PollOutcome.OK;
        this.lastError = null;
        this.powerState = powerState;
        this.reachable = true;
        this.lastAttemptAt = at;
        this.lastSuccessAt = at;
        this.lastDurationMs = durationMs;
    }

    /** percentUsed is sel info's "Percent Used", negative when the BMC did not say. */
    public void rememberSel(int entries, long lastAdd, long lastErase, boolean overflow, int percentUsed,
                            Integer lastRecordId) {
        this.selEntries = entries;
        this.selPercentUsed = percentUsed < 0 ? null : percentUsed;
        this.selLastAdd = lastAdd;
        this.selLastErase = lastErase;
        this.selOverflow = overflow;
        this.selLastRecordId = lastRecordId;
    }

    public Long getServerId() { return serverId; }
    public Optional<String> findPowerState() { return Optional.ofNullable(powerState); }
    public boolean isReachable() { return reachable; }
    public Optional<PollOutcome> findLastOutcome() { return Optional.ofNullable(lastOutcome); }
    public Optional<String> findLastError() { return Optional.ofNullable(lastError); }
    public Optional<OffsetDateTime> findLastAttemptAt() { return Optional.ofNullable(lastAttemptAt); }
    public Optional<OffsetDateTime> findLastSuccessAt() { return Optional.ofNullable(lastSuccessAt); }
    public Optional<Long> findLastDurationMs() { return Optional.ofNullable(lastDurationMs); }
    public Optional<Integer> findSelEntries() { return Optional.ofNullable(selEntries); }
    public Optional<Long> findSelLastAdd() { return Optional.ofNullable(selLastAdd); }
    public Optional<Long> findSelLastErase() { return Optional.ofNullable(selLastErase); }
    public Optional<Integer> findSelLastRecordId() { return Optional.ofNullable(selLastRecordId); }
    public boolean isSelOverflow() { return Boolean.TRUE.equals(selOverflow); }
    public Optional<Integer> findSelPercentUsed() { return Optional.ofNullable(selPercentUsed); }
    public Optional<OffsetDateTime> findSdrNamesAt() { return Optional.ofNullable(sdrNamesAt); }
    public void rememberSdrNames(String signature, OffsetDateTime at) {
        this.sdrSignature = signature;
        this.sdrNamesAt = at;
    }
    public Optional<String> findSdrSignature() { return Optional.ofNullable(sdrSignature); }
    /** Unknown until the first poll asked; then remembered (not asked again) until the firmware changes. */
    public Optional<Boolean> findDcmiSupported() { return Optional.ofNullable(dcmiSupported); }
    public void setDcmiSupported(boolean dcmiSupported) { this.dcmiSupported = dcmiSupported; }
    public Optional<String> findBmcFirmware() { return Optional.ofNullable(bmcFirmware); }
    /** Firmware identity; a changed one forgets what the BMC was known to support (the poll then asks again). */
    public void rememberFirmware(String firmware) {
        if (bmcFirmware != null && !bmcFirmware.equals(firmware)) {
            dcmiSupported = null;
        }
        bmcFirmware = firmware.length() > 200 ? firmware.substring(0, 200) : firmware;
    }
    public Optional<Integer> findCipherSuiteUsed() { return Optional.ofNullable(cipherSuiteUsed); }
    public void setCipherSuiteUsed(int cipherSuiteUsed) { this.cipherSuiteUsed = cipherSuiteUsed; }
    public Optional<String> findProtocolDetected() { return Optional.ofNullable(protocolDetected); }
    public void setProtocolDetected(String protocolDetected) { this.protocolDetected = protocolDetected; }
    public Optional<OffsetDateTime> findProtocolProbedAt() { return Optional.ofNullable(protocolProbedAt); }
    /** What the auto probe found ("ipmi" or "redfish") and when. */
    public void rememberProbe(String detected, OffsetDateTime at) {
        this.protocolDetected = detected;
        this.protocolProbedAt = at;
    }
}
