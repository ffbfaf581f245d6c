package com.ipmimonitor.collection.boundary;

import com.ipmimonitor.collection.control.RedfishMapping;
import com.ipmimonitor.collection.entity.CollectionRun;
import com.ipmimonitor.collection.entity.PollOutcome;
import com.ipmimonitor.collection.entity.ServerStatus;
import com.ipmimonitor.events.boundary.SelIngest;
import com.ipmimonitor.redfish.boundary.LogCursors;
import com.ipmimonitor.redfish.boundary.TrustedCertificates;
import com.ipmimonitor.redfish.entity.RedfishPoll;
import com.ipmimonitor.sensors.boundary.SensorReadings;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Stores one Redfish poll in its own transaction, through the stores of every poll (events, sensors, power, status),
 * together with what makes the next poll incremental and trusted: the log cursors and, at the first success, the
 * pinned certificate. The cursors are written with the entries they read, so none is skipped or read twice.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class RedfishRecorder {

    @PersistenceContext
    EntityManager em;

    @Inject
    SelIngest events;

    @Inject
    SensorReadings sensors;

    @Inject
    LogCursors cursors;

    @Inject
    TrustedCertificates certificates;

    @Inject
    CollectionConfig config;

    @Inject
    ServerStatuses statuses;

    /** Returns how many log entries were new. A log cleared on the BMC deletes nothing stored: history stays. */
    public int recordSuccess(long serverId, RedfishPoll poll, OffsetDateTime startedAt, long durationMs) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        ServerStatus status = statuses.statusOf(serverId);
        int stored = events.store(RedfishMapping.events(serverId, poll.logs(), now));
        if (poll.sensorsRead()) { // between sensor polls the stored readings stay, as for IPMI
            sensors.store(RedfishMapping.readings(serverId, poll.systems(), poll.chassis(), now));
        }
        RedfishMapping.power(serverId, poll.chassis(), now).ifPresent(sensors::store);
        cursors.save(serverId, poll.logs());
        poll.certificate().ifPresent(sha256 -> certificates.pin(serverId, sha256));
        status.recordSuccess(RedfishMapping.powerState(poll.systems()), startedAt, durationMs);
        em.persist(new CollectionRun(serverId, startedAt, durationMs, PollOutcome.OK, null, stored,
                config.instanceId()));
        return stored;
    }

    /** What the auto probe found ("redfish" or "ipmi"), and when. */
    public void rememberProbe(long serverId, String detected, OffsetDateTime at) {
        statuses.statusOf(serverId).rememberProbe(detected, at);
    }
}
