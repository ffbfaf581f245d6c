package com.ipmimonitor.collection.boundary;

import com.ipmimonitor.collection.control.PollResult;
import com.ipmimonitor.collection.control.SelEventMapping;
import com.ipmimonitor.collection.entity.CollectionRun;
import com.ipmimonitor.collection.entity.PollOutcome;
import com.ipmimonitor.collection.entity.ServerStatus;
import com.ipmimonitor.events.boundary.SelIngest;
import com.ipmimonitor.events.entity.SelEvent;
import com.ipmimonitor.sensors.boundary.SensorReadings;
import com.ipmimonitor.sensors.entity.PowerDraw;
import com.ipmimonitor.sensors.entity.SdrName;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/** Stores one poll's outcome in its own transaction: a failing BMC never rolls back another's data. */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class PollRecorder {

    @PersistenceContext
    EntityManager em;

    @Inject
    SelIngest events;

    @Inject
    SensorReadings sensors;

    @Inject
    CollectionConfig config;

    @Inject
    ServerStatuses statuses;

    public int recordSuccess(long serverId, PollResult result, OffsetDateTime startedAt, long durationMs) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        ServerStatus status = statuses.statusOf(serverId);
        // names read anew (a first poll, the daily refresh) serve this poll as stored: not read back from sdr_name
        Optional<List<SdrName>> names = result.sdr().map(entries -> {
            List<SdrName> stored = sensors.replaceNames(serverId, SelEventMapping.sdrNames(serverId, entries,
                    result.conversions()));
            status.rememberSdrNames(result.sdrSignature().orElse(null), now);
            return stored;
        });
        int stored = events.store(newEvents(serverId, result, names, now));
        if (!result.sensors().isEmpty()) {
            // a steady-state poll brings its sensor types from the SDR cache: one query less per poll
            sensors.store(SelEventMapping.readings(serverId, result.sensors(), result.sensorTypes()
                    .orElseGet(() -> names.map(SensorReadings::types).orElseGet(() -> sensors.typesOf(serverId))), now));
        }
        result.powerReading().ifPresent(p -> sensors.store(new PowerDraw(serverId, p.currentWatts(), p.minimumWatts(),
                p.maximumWatts(), p.averageWatts(), now)));
        // the firmware first: a changed one forgets DCMI support, which this same poll then asked again
        result.firmware().ifPresent(status::rememberFirmware);
        result.dcmiSupported().ifPresent(status::setDcmiSupported);
        status.setCipherSuiteUsed(result.cipherSuite());
        status.recordSuccess(result.power().name(), startedAt, durationMs);
        status.rememberSel(result.selInfo().entries(), result.selInfo().lastAddEpoch(), result.selInfo().lastEraseEpoch(),
                result.selInfo().overflow(), result.selInfo().percentUsed(), result.lastRecordId().orElse(null));
        em.persist(new CollectionRun(serverId, startedAt, durationMs, PollOutcome.OK, null, stored, config.instanceId()));
        return stored;
    }

    private List<SelEvent> newEvents(long serverId, PollResult result, Optional<List<SdrName>> names,
                                     OffsetDateTime now) {
        if (result.newRecords().isEmpty()) {
            return List.of();
        }
        return SelEventMapping.toEvents(serverId, result.newRecords(),
                names.map(SensorReadings::names).orElseGet(() -> sensors.namesOf(serverId)),
                SelEventMapping.conversions(names.map(SensorReadings::fullRecords).orElseGet(() -> sensors.fullRecordsOf(serverId))),
                events.latestSortTime(serverId), now);
    }

    public void recordFailure(long serverId, PollOutcome outcome, String error, OffsetDateTime startedAt, long durationMs) {
        statuses.statusOf(serverId).recordFailure(outcome, error, startedAt, durationMs);
        em.persist(new CollectionRun(serverId, startedAt, durationMs, outcome, error, 0, config.instanceId()));
    }
}
